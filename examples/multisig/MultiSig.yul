// A multi-signature wallet written directly in Yul: a fixed set of owners
// submits transactions (target, value, calldata); a transaction runs once
// `threshold` owners have confirmed it.
//
// Constructor: constructor(address[] owners, uint256 threshold), ABI-encoded
// and appended to the creation code. Owners must be non-zero and distinct,
// and 1 <= threshold <= number of owners.
//
// Storage layout (as Solidity would lay out the equivalent contract):
//   slot 0: address[] owners                  length; elements at keccak256(0) + i
//   slot 1: mapping(address => bool) isOwner  keccak256(owner . 1)
//   slot 2: uint256 threshold
//   slot 3: uint256 transactionCount
//   slot 4: mapping(uint256 => Transaction) transactions, at keccak256(id . 4):
//           +0 address to, +1 uint256 value, +2 bytes data (Solidity's
//           short/long storage encoding), +3 bool executed, +4 uint256 confirmations
//   slot 5: mapping(uint256 => mapping(address => bool)) confirmed
//                                             keccak256(owner . keccak256(id . 5))
//
// External functions:
//   receive (empty calldata, payable)                     emits Deposit when value > 0
//   submit(address,uint256,bytes) -> uint256 id           owners; also confirms
//   confirm(uint256), revoke(uint256)                     owners
//   execute(uint256) -> bytes                             owners; returns the call's output
//   isConfirmed(uint256,address) -> bool
//   getTransaction(uint256) -> (address,uint256,bytes,bool,uint256)
//   getOwners() -> address[], isOwner(address) -> bool,
//   threshold() -> uint256, transactionCount() -> uint256
//   changeThreshold(uint256)                              only through execute (the wallet itself)
// Events:
//   Deposit(address indexed sender, uint256 value)
//   Submission(uint256 indexed id)
//   Confirmation(address indexed owner, uint256 indexed id)
//   Revocation(address indexed owner, uint256 indexed id)
//   Execution(uint256 indexed id)
//   ThresholdChanged(uint256 threshold)
object "MultiSig" {
    code {
        if callvalue() { revert(0, 0) }
        // Copy the ABI-encoded constructor arguments to memory at 0x80.
        let argsStart := datasize("MultiSig")
        if lt(codesize(), add(argsStart, 64)) { revert(0, 0) }
        let argsSize := sub(codesize(), argsStart)
        let args := 0x80
        codecopy(args, argsStart, argsSize)

        // owners: offset to (length, elements...)
        let ownersOffset := mload(args)
        if gt(ownersOffset, sub(argsSize, 32)) { revert(0, 0) }
        let count := mload(add(args, ownersOffset))
        if gt(count, 0xffff) { revert(0, 0) }
        if gt(add(add(ownersOffset, 32), mul(count, 32)), argsSize) { revert(0, 0) }
        let required := mload(add(args, 32))
        if or(iszero(required), gt(required, count)) { revert(0, 0) }

        sstore(0, count)
        mstore(0, 0)
        let elements := keccak256(0, 32)
        for { let i := 0 } lt(i, count) { i := add(i, 1) } {
            let owner := mload(add(add(args, ownersOffset), mul(add(i, 1), 32)))
            if iszero(owner) { revert(0, 0) }
            if shr(160, owner) { revert(0, 0) }
            let flag := ownerSlot(owner)
            if sload(flag) { revert(0, 0) } // duplicate owner
            sstore(flag, 1)
            sstore(add(elements, i), owner)
        }
        sstore(2, required)

        datacopy(0, dataoffset("MultiSig_deployed"), datasize("MultiSig_deployed"))
        return(0, datasize("MultiSig_deployed"))

        function ownerSlot(owner) -> slot {
            mstore(0, owner)
            mstore(32, 1)
            slot := keccak256(0, 64)
        }
    }

    object "MultiSig_deployed" {
        code {
            // Memory: 0x00-0x3f hashing scratch space, 0x80 onwards buffers.
            if iszero(calldatasize()) {
                // receive()
                if callvalue() {
                    mstore(0, callvalue())
                    log2(0, 32, 0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c, caller())
                }
                stop()
            }
            if callvalue() { revert(0, 0) }
            if lt(calldatasize(), 4) { revert(0, 0) }

            switch shr(224, calldataload(0))
            case 0x14de327f /* submit(address,uint256,bytes) */ {
                requireArgs(3)
                onlyOwner()
                let to := decodeAddress(0)
                let value := decodeUint(1)
                let ptr, len := decodeBytes(2, 0x80)
                let id := addTransaction(to, value, ptr, len)
                confirmTransaction(id, caller())
                returnUint(id)
            }
            case 0xba0179b5 /* confirm(uint256) */ {
                requireArgs(1)
                onlyOwner()
                let id := decodeUint(0)
                requirePending(id)
                confirmTransaction(id, caller())
                stop()
            }
            case 0x20c5429b /* revoke(uint256) */ {
                requireArgs(1)
                onlyOwner()
                let id := decodeUint(0)
                requirePending(id)
                revokeConfirmation(id, caller())
                stop()
            }
            case 0xfe0d94c1 /* execute(uint256) */ {
                requireArgs(1)
                onlyOwner()
                let id := decodeUint(0)
                requirePending(id)
                executeTransaction(id)
            }
            case 0x80f59a65 /* isConfirmed(uint256,address) */ {
                requireArgs(2)
                returnUint(sload(confirmedSlot(decodeUint(0), decodeAddress(1))))
            }
            case 0x33ea3dc8 /* getTransaction(uint256) */ {
                requireArgs(1)
                let id := decodeUint(0)
                requireExists(id)
                returnTransaction(id)
            }
            case 0xa0e67e2b /* getOwners() */ {
                returnOwners()
            }
            case 0x2f54bf6e /* isOwner(address) */ {
                requireArgs(1)
                returnUint(isOwner(decodeAddress(0)))
            }
            case 0x42cde4e8 /* threshold() */ {
                returnUint(sload(2))
            }
            case 0xb77bf600 /* transactionCount() */ {
                returnUint(sload(3))
            }
            case 0x694e80c3 /* changeThreshold(uint256) */ {
                requireArgs(1)
                if iszero(eq(caller(), address())) { revertWith(15, "only the wallet") }
                let required := decodeUint(0)
                if or(iszero(required), gt(required, sload(0))) { revertWith(17, "invalid threshold") }
                sstore(2, required)
                mstore(0, required)
                // ThresholdChanged(uint256)
                log1(0, 32, 0x6c4ce60fd690e1216286a10b875c5662555f10774484e58142cedd7a90781baa)
                stop()
            }
            default {
                revert(0, 0)
            }

            // Wallet logic

            function onlyOwner() {
                if iszero(isOwner(caller())) { revertWith(12, "not an owner") }
            }

            function isOwner(account) -> result {
                mstore(0, account)
                mstore(32, 1)
                result := sload(keccak256(0, 64))
            }

            function requireExists(id) {
                if iszero(lt(id, sload(3))) { revertWith(19, "no such transaction") }
            }

            // The transaction exists and has not run yet.
            function requirePending(id) {
                requireExists(id)
                if sload(add(transactionSlot(id), 3)) { revertWith(16, "already executed") }
            }

            function addTransaction(to, value, ptr, len) -> id {
                id := sload(3)
                sstore(3, add(id, 1))
                let base := transactionSlot(id)
                sstore(base, to)
                sstore(add(base, 1), value)
                storeBytes(add(base, 2), ptr, len)
                // Submission(uint256 indexed id)
                log2(0, 0, 0xc0ba8fe4b176c1714197d43b9cc6bcf797a4a7461c5fe8d0ef6e184ae7601e51, id)
            }

            function confirmTransaction(id, owner) {
                let slot := confirmedSlot(id, owner)
                if sload(slot) { revertWith(17, "already confirmed") }
                sstore(slot, 1)
                let counter := add(transactionSlot(id), 4)
                sstore(counter, add(sload(counter), 1))
                // Confirmation(address indexed owner, uint256 indexed id)
                log3(0, 0, 0x4a504a94899432a9846e1aa406dceb1bcfd538bb839071d49d1e5e23f5be30ef, owner, id)
            }

            function revokeConfirmation(id, owner) {
                let slot := confirmedSlot(id, owner)
                if iszero(sload(slot)) { revertWith(13, "not confirmed") }
                sstore(slot, 0)
                let counter := add(transactionSlot(id), 4)
                sstore(counter, sub(sload(counter), 1))
                // Revocation(address indexed owner, uint256 indexed id)
                log3(0, 0, 0xf6a317157440607f36269043eb55f1287a5a19ba2216afeab88cd46cbcfb88e9, owner, id)
            }

            // Runs the transaction and returns the call's output as `bytes`.
            // If the call fails, its revert data is passed on (or, when it
            // has none, Error("transaction failed")), and nothing changes.
            function executeTransaction(id) {
                let base := transactionSlot(id)
                if lt(sload(add(base, 4)), sload(2)) { revertWith(24, "not enough confirmations") }
                // Mark first: a re-entrant execute of the same id fails.
                sstore(add(base, 3), 1)
                let len := loadBytes(add(base, 2), 0x80)
                let ok := call(gas(), sload(base), sload(add(base, 1)), 0x80, len, 0, 0)
                let size := returndatasize()
                if iszero(ok) {
                    if iszero(size) { revertWith(18, "transaction failed") }
                    returndatacopy(0, 0, size)
                    revert(0, size)
                }
                // Execution(uint256 indexed id)
                log2(0, 0, 0x33e13ecb54c3076d8e8bb8c2881800a4d972b792045ffae98fdf46df365fed75, id)
                mstore(0x80, 0x20)
                mstore(0xa0, size)
                returndatacopy(0xc0, 0, size)
                mstore(add(0xc0, size), 0)
                return(0x80, add(0x40, roundUp(size)))
            }

            // Storage layout

            function transactionSlot(id) -> slot {
                mstore(0, id)
                mstore(32, 4)
                slot := keccak256(0, 64)
            }

            function confirmedSlot(id, owner) -> slot {
                mstore(0, id)
                mstore(32, 5)
                mstore(32, keccak256(0, 64))
                mstore(0, owner)
                slot := keccak256(0, 64)
            }

            // Stores len bytes from memory at ptr as a Solidity `bytes` in
            // storage: below 32 bytes in the slot itself (data left-aligned,
            // 2*len in the lowest byte), else 2*len+1 in the slot and the
            // data in words from keccak256(slot) on.
            function storeBytes(slot, ptr, len) {
                switch lt(len, 32)
                case 1 {
                    let mask := not(shr(mul(len, 8), not(0)))
                    sstore(slot, or(and(mload(ptr), mask), mul(len, 2)))
                }
                default {
                    sstore(slot, add(mul(len, 2), 1))
                    mstore(0, slot)
                    let dataSlot := keccak256(0, 32)
                    let words := div(add(len, 31), 32)
                    for { let i := 0 } lt(i, words) { i := add(i, 1) } {
                        sstore(add(dataSlot, i), mload(add(ptr, mul(i, 32))))
                    }
                }
            }

            // Copies a `bytes` from storage to memory at ptr (padded with
            // zeros to whole words) and returns its length.
            function loadBytes(slot, ptr) -> len {
                let v := sload(slot)
                switch and(v, 1)
                case 0 {
                    len := shr(1, and(v, 0xff))
                    mstore(ptr, and(v, not(0xff)))
                    leave
                }
                len := shr(1, v)
                mstore(0, slot)
                let dataSlot := keccak256(0, 32)
                let words := div(add(len, 31), 32)
                for { let i := 0 } lt(i, words) { i := add(i, 1) } {
                    mstore(add(ptr, mul(i, 32)), sload(add(dataSlot, i)))
                }
            }

            // ABI decoding

            function requireArgs(n) {
                if lt(sub(calldatasize(), 4), mul(n, 32)) { revert(0, 0) }
            }

            function decodeUint(i) -> v {
                v := calldataload(add(4, mul(i, 32)))
            }

            function decodeAddress(i) -> a {
                a := decodeUint(i)
                if shr(160, a) { revert(0, 0) }
            }

            // Argument i is a `bytes`: checks its offset and length against
            // the calldata and copies the data to memory at ptr, followed by
            // zeros up to the next word boundary.
            function decodeBytes(i, ptr) -> data, len {
                let argsSize := sub(calldatasize(), 4)
                let offset := decodeUint(i)
                if gt(offset, sub(argsSize, 32)) { revert(0, 0) }
                len := calldataload(add(4, offset))
                if gt(len, sub(sub(argsSize, offset), 32)) { revert(0, 0) }
                data := ptr
                calldatacopy(data, add(add(4, offset), 32), len)
                mstore(add(data, len), 0)
            }

            // ABI encoding and errors

            function roundUp(n) -> r {
                r := and(add(n, 31), not(31))
            }

            function returnUint(v) {
                mstore(0, v)
                return(0, 32)
            }

            function returnTransaction(id) {
                let base := transactionSlot(id)
                mstore(0x80, sload(base))
                mstore(0xa0, sload(add(base, 1)))
                mstore(0xc0, 0xa0)
                mstore(0xe0, sload(add(base, 3)))
                mstore(0x100, sload(add(base, 4)))
                let len := loadBytes(add(base, 2), 0x140)
                mstore(0x120, len)
                return(0x80, add(0xc0, roundUp(len)))
            }

            function returnOwners() {
                let count := sload(0)
                mstore(0, 0)
                let elements := keccak256(0, 32)
                mstore(0x80, 0x20)
                mstore(0xa0, count)
                let i := 0
                for {} 1 {} {
                    if eq(i, count) { break }
                    mstore(add(0xc0, mul(i, 32)), sload(add(elements, i)))
                    i := add(i, 1)
                }
                return(0x80, add(0x40, mul(count, 32)))
            }

            function revertWith(length, message) {
                mstore(0, shl(224, 0x08c379a0))
                mstore(4, 0x20)
                mstore(36, length)
                mstore(68, message)
                revert(0, 100)
            }
        }
    }
}
// ====
// EVMVersion: >=constantinople
// ----
// constructor(): 0x40, 2, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 ->
// threshold() -> 2
// transactionCount() -> 0
// getOwners() -> 0x20, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012
// isOwner(address): 0x1212121212121212121212121212120000000012 -> true
// isOwner(address): 0x1212121212121212121212121212120000001012 -> true
// isOwner(address): 0x1212121212121212121212121212120000002012 -> true
// isOwner(address): 0x1212121212121212121212121212120000003012 -> false
// isOwner(address): 0 -> false
// balance -> 0
// (), 5 ether -> # receive #
// ~ emit Deposit(address,uint256): #0x1212121212121212121212121212120000000012, 0x4563918244f40000
// () -> # no value: no event #
// balance -> 5000000000000000000
// account: 3 -> 0x1212121212121212121212121212120000003012
// (), 1 ether ->
// ~ emit Deposit(address,uint256): #0x1212121212121212121212121212120000003012, 0x0de0b6b3a7640000
// balance -> 6000000000000000000
// submit(address,uint256,bytes): 0x000000000000000000000000000000000000dead, 1000000000000000000, 0x60, 0 -> FAILURE, hex"08c379a0", 0x20, 12, "not an owner"
// getTransaction(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 19, "no such transaction"
// account: 0 -> 0x1212121212121212121212121212120000000012
// submit(address,uint256,bytes): 0x000000000000000000000000000000000000dead, 1000000000000000000, 0x60, 0 -> 0 # the submitter confirms #
// ~ emit Submission(uint256): #0x00
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x00
// transactionCount() -> 1
// getTransaction(uint256): 0 -> 0x000000000000000000000000000000000000dead, 1000000000000000000, 0xa0, false, 1, 0
// isConfirmed(uint256,address): 0, 0x1212121212121212121212121212120000000012 -> true
// isConfirmed(uint256,address): 0, 0x1212121212121212121212121212120000001012 -> false
// isConfirmed(uint256,address): 1, 0x1212121212121212121212121212120000000012 -> false
// confirm(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 17, "already confirmed"
// execute(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 24, "not enough confirmations"
// balance: 0x000000000000000000000000000000000000dead -> 0
// account: 3 -> 0x1212121212121212121212121212120000003012
// confirm(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 12, "not an owner"
// account: 1 -> 0x1212121212121212121212121212120000001012
// confirm(uint256): 1 -> FAILURE, hex"08c379a0", 0x20, 19, "no such transaction"
// execute(uint256): 1 -> FAILURE, hex"08c379a0", 0x20, 19, "no such transaction"
// confirm(uint256): 0 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x00
// isConfirmed(uint256,address): 0, 0x1212121212121212121212121212120000001012 -> true
// getTransaction(uint256): 0 -> 0x000000000000000000000000000000000000dead, 1000000000000000000, 0xa0, false, 2, 0
// account: 3 -> 0x1212121212121212121212121212120000003012
// execute(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 12, "not an owner"
// account: 2 -> 0x1212121212121212121212121212120000002012
// execute(uint256): 0 -> 0x20, 0 # any owner may execute #
// ~ emit Execution(uint256): #0x00
// balance: 0x000000000000000000000000000000000000dead -> 1000000000000000000
// balance -> 5000000000000000000
// getTransaction(uint256): 0 -> 0x000000000000000000000000000000000000dead, 1000000000000000000, 0xa0, true, 2, 0
// execute(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 16, "already executed"
// confirm(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 16, "already executed"
// revoke(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 16, "already executed"
// balance: 0x000000000000000000000000000000000000dead -> 1000000000000000000
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 2000000000000000000, 0x60, 2, left(0xcafe) -> 1
// ~ emit Submission(uint256): #0x01
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x01
// getTransaction(uint256): 1 -> 0x1212121212121212121212121212120000005012, 2000000000000000000, 0xa0, false, 1, 2, left(0xcafe)
// revoke(uint256): 1 ->
// ~ emit Revocation(address,uint256): #0x1212121212121212121212121212120000002012, #0x01
// revoke(uint256): 1 -> FAILURE, hex"08c379a0", 0x20, 13, "not confirmed"
// isConfirmed(uint256,address): 1, 0x1212121212121212121212121212120000002012 -> false
// getTransaction(uint256): 1 -> 0x1212121212121212121212121212120000005012, 2000000000000000000, 0xa0, false, 0, 2, left(0xcafe)
// account: 0 -> 0x1212121212121212121212121212120000000012
// confirm(uint256): 1 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x01
// execute(uint256): 1 -> FAILURE, hex"08c379a0", 0x20, 24, "not enough confirmations"
// account: 1 -> 0x1212121212121212121212121212120000001012
// revoke(uint256): 1 -> FAILURE, hex"08c379a0", 0x20, 13, "not confirmed"
// confirm(uint256): 1 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x01
// balance: 0x1212121212121212121212121212120000005012 -> 1267650600228229401496703205376
// execute(uint256): 1 -> 0x20, 0
// ~ emit Execution(uint256): #0x01
// balance: 0x1212121212121212121212121212120000005012 -> 1267650600230229401496703205376
// balance -> 3000000000000000000
// getTransaction(uint256): 1 -> 0x1212121212121212121212121212120000005012, 2000000000000000000, 0xa0, true, 2, 2, left(0xcafe)
// changeThreshold(uint256): 3 -> FAILURE, hex"08c379a0", 0x20, 15, "only the wallet"
// submit(address,uint256,bytes): 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0x60, 36, hex"694e80c3", 3, hex"00000000000000000000000000000000000000000000000000000000" -> 2 # changeThreshold(3) on the wallet itself; 36 bytes: long storage form #
// ~ emit Submission(uint256): #0x02
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x02
// getTransaction(uint256): 2 -> 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0xa0, false, 1, 36, hex"694e80c3", 3, hex"00000000000000000000000000000000000000000000000000000000"
// account: 2 -> 0x1212121212121212121212121212120000002012
// confirm(uint256): 2 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x02
// execute(uint256): 2 -> 0x20, 0
// ~ emit ThresholdChanged(uint256): 0x03
// ~ emit Execution(uint256): #0x02
// threshold() -> 3
// getTransaction(uint256): 2 -> 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0xa0, true, 2, 36, hex"694e80c3", 3, hex"00000000000000000000000000000000000000000000000000000000"
// submit(address,uint256,bytes): 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0x60, 4, left(0x42cde4e8) -> 3
// ~ emit Submission(uint256): #0x03
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x03
// account: 0 -> 0x1212121212121212121212121212120000000012
// confirm(uint256): 3 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x03
// execute(uint256): 3 -> FAILURE, hex"08c379a0", 0x20, 24, "not enough confirmations"
// account: 1 -> 0x1212121212121212121212121212120000001012
// confirm(uint256): 3 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x03
// execute(uint256): 3 -> 0x20, 32, 3 # the output of threshold() #
// ~ emit Execution(uint256): #0x03
// submit(address,uint256,bytes): 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0x60, 36, hex"694e80c3", 4, hex"00000000000000000000000000000000000000000000000000000000" -> 4
// ~ emit Submission(uint256): #0x04
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x04
// account: 0 -> 0x1212121212121212121212121212120000000012
// confirm(uint256): 4 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x04
// account: 2 -> 0x1212121212121212121212121212120000002012
// confirm(uint256): 4 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x04
// execute(uint256): 4 -> FAILURE, hex"08c379a0", 0x20, 17, "invalid threshold" # the inner revert is passed on #
// getTransaction(uint256): 4 -> 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0xa0, false, 3, 36, hex"694e80c3", 4, hex"00000000000000000000000000000000000000000000000000000000"
// threshold() -> 3
// submit(address,uint256,bytes): 0x000000000000000000000000000000000000dead, 100000000000000000000, 0x60, 0 -> 5
// ~ emit Submission(uint256): #0x05
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x05
// account: 0 -> 0x1212121212121212121212121212120000000012
// confirm(uint256): 5 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x05
// account: 1 -> 0x1212121212121212121212121212120000001012
// confirm(uint256): 5 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x05
// execute(uint256): 5 -> FAILURE, hex"08c379a0", 0x20, 18, "transaction failed" # 100 ether is more than the wallet holds #
// getTransaction(uint256): 5 -> 0x000000000000000000000000000000000000dead, 100000000000000000000, 0xa0, false, 3, 0
// balance -> 3000000000000000000
// (), 97 ether ->
// ~ emit Deposit(address,uint256): #0x1212121212121212121212121212120000001012, 0x0542253a126ce40000
// execute(uint256): 5 -> 0x20, 0 # a failed execution can be retried #
// ~ emit Execution(uint256): #0x05
// balance -> 0
// balance: 0x000000000000000000000000000000000000dead -> 101000000000000000000
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000006012, 0, 0x60, 70, "0123456789abcdef0123456789ABCDEF", "The quick brown fox jumps over t", "he la" -> 6 # 70 bytes: three storage words #
// ~ emit Submission(uint256): #0x06
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x06
// getTransaction(uint256): 6 -> 0x1212121212121212121212121212120000006012, 0, 0xa0, false, 1, 70, "0123456789abcdef0123456789ABCDEF", "The quick brown fox jumps over t", "he la"
// submit(address,uint256,bytes): 0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0, 0x60, 4, left(0x12345678) -> 7
// ~ emit Submission(uint256): #0x07
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000001012, #0x07
// account: 0 -> 0x1212121212121212121212121212120000000012
// confirm(uint256): 6 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x06
// confirm(uint256): 7 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000000012, #0x07
// account: 2 -> 0x1212121212121212121212121212120000002012
// confirm(uint256): 6 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x06
// confirm(uint256): 7 ->
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x07
// execute(uint256): 7 -> FAILURE, hex"08c379a0", 0x20, 18, "transaction failed" # unknown selector: empty revert data #
// execute(uint256): 6 -> 0x20, 0
// ~ emit Execution(uint256): #0x06
// getTransaction(uint256): 6 -> 0x1212121212121212121212121212120000006012, 0, 0xa0, true, 3, 70, "0123456789abcdef0123456789ABCDEF", "The quick brown fox jumps over t", "he la"
// transactionCount() -> 8
// getTransaction(uint256): 8 -> FAILURE, hex"08c379a0", 0x20, 19, "no such transaction"
// getOwners() -> 0x20, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 0, 0x80, 0, 1, left(0x41) -> 8 # unusual offset for the bytes #
// ~ emit Submission(uint256): #0x08
// ~ emit Confirmation(address,uint256): #0x1212121212121212121212121212120000002012, #0x08
// getTransaction(uint256): 8 -> 0x1212121212121212121212121212120000005012, 0, 0xa0, false, 1, 1, left(0x41)
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 0, 0x60 -> FAILURE
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 0, 0x60, 1 -> FAILURE
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 0, 0x61, 0 -> FAILURE
// submit(address,uint256,bytes): 0x1212121212121212121212121212120000005012, 0, 0x60, 33, "0123456789abcdef0123456789ABCDEF" -> FAILURE
// submit(address,uint256,bytes): 0x0100000000000000000000001212121212121212121212121212120000005012, 0, 0x60, 0 -> FAILURE
// submit(address,uint256,bytes), 1 wei: 0x1212121212121212121212121212120000005012, 0, 0x60, 0 -> FAILURE
// confirm(uint256) -> FAILURE
// confirm(uint256), 1 wei: 8 -> FAILURE
// isConfirmed(uint256,address): 8 -> FAILURE
// isConfirmed(uint256,address): 8, 0x1212121212121212121212121212120000002012 -> true
// (): hex"ba0179" -> FAILURE
// (), 1 wei: hex"ba0179" -> FAILURE
// nonexistent() -> FAILURE
// transactionCount() -> 9
