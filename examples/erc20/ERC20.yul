// ERC-20 token "Soll Token" (SOLL, 18 decimals) written directly in Yul.
//
// Constructor: constructor(uint256 initialSupply), the argument appended to
// the creation code; the whole supply is minted to the deployer, who also
// becomes the owner (the only account allowed to mint).
//
// Storage layout (as Solidity would lay out the equivalent contract):
//   slot 0: mapping(address => uint256) balances           keccak256(account . 0)
//   slot 1: mapping(address => mapping(address => uint256)) allowances
//                                     keccak256(spender . keccak256(owner . 1))
//   slot 2: uint256 totalSupply
//   slot 3: address owner
//
// External functions (all non-payable):
//   name() -> string, symbol() -> string, decimals() -> uint8,
//   totalSupply() -> uint256, balanceOf(address) -> uint256,
//   allowance(address,address) -> uint256, owner() -> address,
//   transfer(address,uint256) -> bool, approve(address,uint256) -> bool,
//   transferFrom(address,address,uint256) -> bool,
//   increaseAllowance(address,uint256) -> bool,
//   decreaseAllowance(address,uint256) -> bool,
//   mint(address,uint256) (owner only), burn(uint256)
// Events: Transfer(address indexed,address indexed,uint256),
//         Approval(address indexed,address indexed,uint256)
// Errors: Error(string) for the token's rules, Panic(0x11) on arithmetic
// overflow, empty revert data for malformed calls (value sent, unknown
// selector, short calldata, dirty address bits).
object "ERC20" {
    code {
        if callvalue() { revert(0, 0) }
        // The constructor argument follows the creation code.
        let creationSize := datasize("ERC20")
        if lt(codesize(), add(creationSize, 32)) { revert(0, 0) }
        codecopy(0, creationSize, 32)
        let initialSupply := mload(0)

        sstore(3, caller())
        sstore(2, initialSupply)
        sstore(balanceSlot(caller()), initialSupply)
        mstore(0, initialSupply)
        // Transfer(address(0), deployer, initialSupply)
        log3(0, 32, 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef, 0, caller())

        datacopy(0, dataoffset("ERC20_deployed"), datasize("ERC20_deployed"))
        return(0, datasize("ERC20_deployed"))

        function balanceSlot(account) -> slot {
            mstore(0, account)
            mstore(32, 0)
            slot := keccak256(0, 64)
        }
    }

    object "ERC20_deployed" {
        code {
            if callvalue() { revert(0, 0) }
            if lt(calldatasize(), 4) { revert(0, 0) }

            switch selector()
            case 0x06fdde03 /* name() */ {
                returnString(10, "Soll Token")
            }
            case 0x95d89b41 /* symbol() */ {
                returnString(4, "SOLL")
            }
            case 0x313ce567 /* decimals() */ {
                returnUint(18)
            }
            case 0x18160ddd /* totalSupply() */ {
                returnUint(sload(2))
            }
            case 0x8da5cb5b /* owner() */ {
                returnUint(sload(3))
            }
            case 0x70a08231 /* balanceOf(address) */ {
                requireArgs(1)
                returnUint(sload(balanceSlot(decodeAddress(0))))
            }
            case 0xdd62ed3e /* allowance(address,address) */ {
                requireArgs(2)
                returnUint(sload(allowanceSlot(decodeAddress(0), decodeAddress(1))))
            }
            case 0xa9059cbb /* transfer(address,uint256) */ {
                requireArgs(2)
                transferTokens(caller(), decodeAddress(0), decodeUint(1))
                returnTrue()
            }
            case 0x095ea7b3 /* approve(address,uint256) */ {
                requireArgs(2)
                approveTokens(caller(), decodeAddress(0), decodeUint(1))
                returnTrue()
            }
            case 0x23b872dd /* transferFrom(address,address,uint256) */ {
                requireArgs(3)
                let from := decodeAddress(0)
                let to := decodeAddress(1)
                let amount := decodeUint(2)
                spendAllowance(from, caller(), amount)
                transferTokens(from, to, amount)
                returnTrue()
            }
            case 0x39509351 /* increaseAllowance(address,uint256) */ {
                requireArgs(2)
                let spender := decodeAddress(0)
                let current := sload(allowanceSlot(caller(), spender))
                approveTokens(caller(), spender, checkedAdd(current, decodeUint(1)))
                returnTrue()
            }
            case 0xa457c2d7 /* decreaseAllowance(address,uint256) */ {
                requireArgs(2)
                let spender := decodeAddress(0)
                let current := sload(allowanceSlot(caller(), spender))
                let decrease := decodeUint(1)
                if lt(current, decrease) { revertWith(30, "decreased allowance below zero") }
                approveTokens(caller(), spender, sub(current, decrease))
                returnTrue()
            }
            case 0x40c10f19 /* mint(address,uint256) */ {
                requireArgs(2)
                if iszero(eq(caller(), sload(3))) { revertWith(23, "caller is not the owner") }
                mint(decodeAddress(0), decodeUint(1))
                return(0, 0)
            }
            case 0x42966c68 /* burn(uint256) */ {
                requireArgs(1)
                burn(caller(), decodeUint(0))
                return(0, 0)
            }
            default {
                revert(0, 0)
            }

            // Token logic

            function transferTokens(from, to, amount) {
                if iszero(to) { revertWith(24, "transfer to zero address") }
                let fromSlot := balanceSlot(from)
                let fromBalance := sload(fromSlot)
                if lt(fromBalance, amount) { revertWith(20, "insufficient balance") }
                sstore(fromSlot, sub(fromBalance, amount))
                // Read the receiver's balance only now: from and to may be
                // the same account.
                let toSlot := balanceSlot(to)
                sstore(toSlot, checkedAdd(sload(toSlot), amount))
                emitTransfer(from, to, amount)
            }

            function approveTokens(owner, spender, amount) {
                if iszero(spender) { revertWith(23, "approve to zero address") }
                sstore(allowanceSlot(owner, spender), amount)
                mstore(0, amount)
                // Approval(address indexed owner, address indexed spender, uint256 value)
                log3(0, 32, 0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925, owner, spender)
            }

            // An allowance of 2**256-1 is "infinite" and never decreases.
            function spendAllowance(owner, spender, amount) {
                let slot := allowanceSlot(owner, spender)
                let current := sload(slot)
                if eq(current, not(0)) { leave }
                if lt(current, amount) { revertWith(22, "insufficient allowance") }
                sstore(slot, sub(current, amount))
            }

            function mint(to, amount) {
                if iszero(to) { revertWith(20, "mint to zero address") }
                sstore(2, checkedAdd(sload(2), amount))
                let slot := balanceSlot(to)
                sstore(slot, checkedAdd(sload(slot), amount))
                emitTransfer(0, to, amount)
            }

            function burn(from, amount) {
                let slot := balanceSlot(from)
                let bal := sload(slot)
                if lt(bal, amount) { revertWith(20, "insufficient balance") }
                sstore(slot, sub(bal, amount))
                sstore(2, sub(sload(2), amount))
                emitTransfer(from, 0, amount)
            }

            function emitTransfer(from, to, amount) {
                mstore(0, amount)
                // Transfer(address indexed from, address indexed to, uint256 value)
                log3(0, 32, 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef, from, to)
            }

            // Storage layout

            function balanceSlot(account) -> slot {
                mstore(0, account)
                mstore(32, 0)
                slot := keccak256(0, 64)
            }

            function allowanceSlot(owner, spender) -> slot {
                mstore(0, owner)
                mstore(32, 1)
                mstore(32, keccak256(0, 64))
                mstore(0, spender)
                slot := keccak256(0, 64)
            }

            // Arithmetic

            function checkedAdd(a, b) -> sum {
                sum := add(a, b)
                if lt(sum, a) { panic(0x11) }
            }

            // ABI decoding

            function selector() -> s {
                s := shr(224, calldataload(0))
            }

            // The call must carry at least n argument words.
            function requireArgs(n) {
                if lt(sub(calldatasize(), 4), mul(n, 32)) { revert(0, 0) }
            }

            function decodeUint(i) -> v {
                v := calldataload(add(4, mul(i, 32)))
            }

            // Addresses with dirty upper bits are rejected, as Solidity does.
            function decodeAddress(i) -> a {
                a := decodeUint(i)
                if iszero(eq(a, and(a, 0xffffffffffffffffffffffffffffffffffffffff))) { revert(0, 0) }
            }

            // ABI encoding and errors

            function returnUint(v) {
                mstore(0, v)
                return(0, 32)
            }

            function returnTrue() {
                returnUint(1)
            }

            // A string of at most 32 bytes, given left-aligned in one word.
            function returnString(length, data) {
                mstore(0, 0x20)
                mstore(32, length)
                mstore(64, data)
                return(0, 96)
            }

            // Revert with Error(string), the message at most 32 bytes.
            function revertWith(length, message) {
                mstore(0, shl(224, 0x08c379a0))
                mstore(4, 0x20)
                mstore(36, length)
                mstore(68, message)
                revert(0, 100)
            }

            // Revert with Panic(uint256), as Solidity's checked arithmetic does.
            function panic(code) {
                mstore(0, shl(224, 0x4e487b71))
                mstore(4, code)
                revert(0, 36)
            }
        }
    }
}
// ====
// EVMVersion: >=constantinople
// ----
// constructor(): 1000 ->
// ~ emit Transfer(address,address,uint256): #0x00, #0x1212121212121212121212121212120000000012, 0x03e8
// name() -> 0x20, 10, "Soll Token"
// symbol() -> 0x20, 4, "SOLL"
// decimals() -> 18
// totalSupply() -> 1000
// owner() -> 0x1212121212121212121212121212120000000012
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 1000
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 0
// allowance(address,address): 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012 -> 0
// storageEmpty -> 0
// transfer(address,uint256): 0x1212121212121212121212121212120000001012, 100 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x1212121212121212121212121212120000001012, 0x64
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 900
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 100
// totalSupply() -> 1000
// transfer(address,uint256): 0x1212121212121212121212121212120000001012, 0 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x1212121212121212121212121212120000001012, 0x00
// transfer(address,uint256): 0x1212121212121212121212121212120000000012, 50 -> true # to oneself #
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x1212121212121212121212121212120000000012, 0x32
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 900
// transfer(address,uint256): 0x1212121212121212121212121212120000001012, 901 -> FAILURE, hex"08c379a0", 0x20, 20, "insufficient balance"
// transfer(address,uint256): 0, 1 -> FAILURE, hex"08c379a0", 0x20, 24, "transfer to zero address"
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 900
// account: 1 -> 0x1212121212121212121212121212120000001012
// transfer(address,uint256): 0x1212121212121212121212121212120000002012, 30 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000001012, #0x1212121212121212121212121212120000002012, 0x1e
// transfer(address,uint256): 0x1212121212121212121212121212120000002012, 71 -> FAILURE, hex"08c379a0", 0x20, 20, "insufficient balance"
// transfer(address,uint256): 0x1212121212121212121212121212120000002012, 70 -> true # the whole balance #
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000001012, #0x1212121212121212121212121212120000002012, 0x46
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 0
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 100
// transfer(address,uint256): 0x1212121212121212121212121212120000002012, 1 -> FAILURE, hex"08c379a0", 0x20, 20, "insufficient balance"
// account: 2 -> 0x1212121212121212121212121212120000002012
// approve(address,uint256): 0x1212121212121212121212121212120000001012, 60 -> true
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000002012, #0x1212121212121212121212121212120000001012, 0x3c
// allowance(address,address): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012 -> 60
// allowance(address,address): 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 -> 0
// approve(address,uint256): 0, 1 -> FAILURE, hex"08c379a0", 0x20, 23, "approve to zero address"
// account: 1 -> 0x1212121212121212121212121212120000001012
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000003012, 61 -> FAILURE, hex"08c379a0", 0x20, 22, "insufficient allowance"
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000003012, 25 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000002012, #0x1212121212121212121212121212120000003012, 0x19
// allowance(address,address): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012 -> 35
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 75
// balanceOf(address): 0x1212121212121212121212121212120000003012 -> 25
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000002012, 0, 1 -> FAILURE, hex"08c379a0", 0x20, 24, "transfer to zero address"
// allowance(address,address): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012 -> 35 # the failed call spent nothing #
// account: 2 -> 0x1212121212121212121212121212120000002012
// approve(address,uint256): 0x1212121212121212121212121212120000001012, 1000 -> true # overwrites #
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000002012, #0x1212121212121212121212121212120000001012, 0x03e8
// account: 1 -> 0x1212121212121212121212121212120000001012
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000003012, 76 -> FAILURE, hex"08c379a0", 0x20, 20, "insufficient balance"
// allowance(address,address): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012 -> 1000
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012, 75 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000002012, #0x1212121212121212121212121212120000001012, 0x4b
// allowance(address,address): 0x1212121212121212121212121212120000002012, 0x1212121212121212121212121212120000001012 -> 925
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 0
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 75
// account: 0 -> 0x1212121212121212121212121212120000000012
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000000012, 1 -> FAILURE, hex"08c379a0", 0x20, 22, "insufficient allowance"
// approve(address,uint256): 0x1212121212121212121212121212120000003012, 115792089237316195423570985008687907853269984665640564039457584007913129639935 -> true
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x1212121212121212121212121212120000003012, 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
// account: 3 -> 0x1212121212121212121212121212120000003012
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000003012, 100 -> true
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000000012, #0x1212121212121212121212121212120000003012, 0x64
// allowance(address,address): 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000003012 -> 115792089237316195423570985008687907853269984665640564039457584007913129639935
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 800
// balanceOf(address): 0x1212121212121212121212121212120000003012 -> 125
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000003012, 0x1212121212121212121212121212120000002012, 1 -> FAILURE, hex"08c379a0", 0x20, 22, "insufficient allowance" # no allowance for oneself #
// increaseAllowance(address,uint256): 0x1212121212121212121212121212120000000012, 10 -> true
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000003012, #0x1212121212121212121212121212120000000012, 0x0a
// increaseAllowance(address,uint256): 0x1212121212121212121212121212120000000012, 5 -> true
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000003012, #0x1212121212121212121212121212120000000012, 0x0f
// decreaseAllowance(address,uint256): 0x1212121212121212121212121212120000000012, 16 -> FAILURE, hex"08c379a0", 0x20, 30, "decreased allowance below zero"
// allowance(address,address): 0x1212121212121212121212121212120000003012, 0x1212121212121212121212121212120000000012 -> 15
// decreaseAllowance(address,uint256): 0x1212121212121212121212121212120000000012, 15 -> true
// ~ emit Approval(address,address,uint256): #0x1212121212121212121212121212120000003012, #0x1212121212121212121212121212120000000012, 0x00
// allowance(address,address): 0x1212121212121212121212121212120000003012, 0x1212121212121212121212121212120000000012 -> 0
// account: 0 -> 0x1212121212121212121212121212120000000012
// increaseAllowance(address,uint256): 0x1212121212121212121212121212120000003012, 1 -> FAILURE, hex"4e487b71", 0x11
// mint(address,uint256): 0x1212121212121212121212121212120000002012, 500 ->
// ~ emit Transfer(address,address,uint256): #0x00, #0x1212121212121212121212121212120000002012, 0x01f4
// totalSupply() -> 1500
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 500
// account: 2 -> 0x1212121212121212121212121212120000002012
// mint(address,uint256): 0x1212121212121212121212121212120000002012, 1 -> FAILURE, hex"08c379a0", 0x20, 23, "caller is not the owner"
// burn(uint256): 200 ->
// ~ emit Transfer(address,address,uint256): #0x1212121212121212121212121212120000002012, #0x00, 0xc8
// burn(uint256): 301 -> FAILURE, hex"08c379a0", 0x20, 20, "insufficient balance"
// totalSupply() -> 1300
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 300
// account: 0 -> 0x1212121212121212121212121212120000000012
// mint(address,uint256): 0, 1 -> FAILURE, hex"08c379a0", 0x20, 20, "mint to zero address"
// mint(address,uint256): 0x1212121212121212121212121212120000001012, 115792089237316195423570985008687907853269984665640564039457584007913129638636 -> FAILURE, hex"4e487b71", 0x11
// totalSupply() -> 1300
// mint(address,uint256): 0x1212121212121212121212121212120000001012, 115792089237316195423570985008687907853269984665640564039457584007913129638635 ->
// ~ emit Transfer(address,address,uint256): #0x00, #0x1212121212121212121212121212120000001012, 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffaeb
// totalSupply() -> 115792089237316195423570985008687907853269984665640564039457584007913129639935
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 800
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 115792089237316195423570985008687907853269984665640564039457584007913129638710
// balanceOf(address): 0x1212121212121212121212121212120000002012 -> 300
// balanceOf(address): 0x1212121212121212121212121212120000003012 -> 125
// balanceOf(address): 0x0100000000000000000000001212121212121212121212121212120000000012 -> FAILURE # dirty address #
// transfer(address,uint256): 0x0100000000000000000000001212121212121212121212121212120000001012, 1 -> FAILURE
// balanceOf(address): 0x1212121212121212121212121212120000000012 -> 800
// balanceOf(address) -> FAILURE # no argument #
// transfer(address,uint256): 0x1212121212121212121212121212120000001012 -> FAILURE # one argument short #
// (): hex"a9059cbb", hex"00000000000000000000000012121212121212121212121212121200000010", hex"12", hex"00000000000000000000000000000000000000000000000000000000000001" -> FAILURE # one byte short #
// allowance(address,address): 0x1212121212121212121212121212120000000012 -> FAILURE
// transferFrom(address,address,uint256): 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012 -> FAILURE
// totalSupply(): 1, 2 -> 115792089237316195423570985008687907853269984665640564039457584007913129639935 # extra calldata is ignored #
// (): hex"18160d" -> FAILURE # selector cut short #
// () -> FAILURE
// (), 1 ether -> FAILURE
// totalSupply(), 1 wei -> FAILURE
// transfer(address,uint256), 1 wei: 0x1212121212121212121212121212120000001012, 1 -> FAILURE
// approve(address,uint256), 2 ether: 0x1212121212121212121212121212120000001012, 1 -> FAILURE
// decimals(), 1 wei -> FAILURE
// allowance(address,address): 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012 -> 0
// nonexistent() -> FAILURE
// balance -> 0
// balanceOf(address): 0x1212121212121212121212121212120000001012 -> 115792089237316195423570985008687907853269984665640564039457584007913129638710
