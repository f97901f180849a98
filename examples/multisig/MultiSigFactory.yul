// Deploys MultiSig wallets with CREATE, to test the wallet's constructor
// (argument decoding and validation) and to talk to the created wallets.
// The sub-object "MultiSig" below is a verbatim copy of the object in
// MultiSig.yul (keep them in sync: see README.md).
//
// External functions:
//   create(bytes args) -> address     payable; CREATE of MultiSig with the
//                                     ABI-encoded constructor arguments `args`
//                                     appended and the call's value; returns
//                                     0 if the creation failed
//   forward(address,bytes) -> (bool, bytes)
//                                     payable; calls the address with the
//                                     data and the call's value and returns
//                                     whether it succeeded and its output
//                                     (return or revert data)
object "MultiSigFactory" {
    code {
        if callvalue() { revert(0, 0) }
        datacopy(0, dataoffset("MultiSigFactory_deployed"), datasize("MultiSigFactory_deployed"))
        return(0, datasize("MultiSigFactory_deployed"))
    }

    object "MultiSigFactory_deployed" {
        code {
            if lt(calldatasize(), 4) { revert(0, 0) }
            switch shr(224, calldataload(0))
            case 0xcf5ba53f /* create(bytes) */ {
                let codeSize := datasize("MultiSig")
                datacopy(0x80, dataoffset("MultiSig"), codeSize)
                let len := copyBytesArg(0, add(0x80, codeSize))
                mstore(0, create(callvalue(), 0x80, add(codeSize, len)))
                return(0, 0x20)
            }
            case 0x6fadcf72 /* forward(address,bytes) */ {
                if lt(calldatasize(), 68) { revert(0, 0) }
                let target := calldataload(4)
                if shr(160, target) { revert(0, 0) }
                let len := copyBytesArg(1, 0x80)
                let ok := call(gas(), target, callvalue(), 0x80, len, 0, 0)
                let size := returndatasize()
                mstore(0x80, ok)
                mstore(0xa0, 0x40)
                mstore(0xc0, size)
                returndatacopy(0xe0, 0, size)
                mstore(add(0xe0, size), 0)
                return(0x80, add(0x60, and(add(size, 31), not(31))))
            }
            default {
                revert(0, 0)
            }

            // Copies the `bytes` argument number i to memory at dest and
            // returns its length.
            function copyBytesArg(i, dest) -> len {
                let argsSize := sub(calldatasize(), 4)
                if lt(argsSize, mul(add(i, 1), 32)) { revert(0, 0) }
                let offset := calldataload(add(4, mul(i, 32)))
                if gt(offset, sub(argsSize, 32)) { revert(0, 0) }
                len := calldataload(add(4, offset))
                if gt(len, sub(sub(argsSize, offset), 32)) { revert(0, 0) }
                calldatacopy(dest, add(add(4, offset), 32), len)
            }
        }

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
    }
}
// ====
// EVMVersion: >=constantinople
// ----
// create(bytes): 0x20, 192, 0x40, 0, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 -> 0 # threshold 0 #
// create(bytes): 0x20, 192, 0x40, 4, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 -> 0 # threshold above owner count #
// create(bytes): 0x20, 192, 0x40, 2, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000000012 -> 0 # duplicate owner #
// create(bytes): 0x20, 160, 0x40, 1, 2, 0x1212121212121212121212121212120000000012, 0 -> 0 # zero owner #
// create(bytes): 0x20, 160, 0x40, 1, 2, 0x1212121212121212121212121212120000000012, 0x0100000000000000000000001212121212121212121212121212120000001012 -> 0 # dirty address #
// create(bytes): 0x20, 96, 0x40, 1, 0 -> 0 # no owners #
// create(bytes): 0x20, 160, 0x40, 2, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012 -> 0 # array cut short #
// create(bytes): 0x20, 128, 0x1000, 1, 1, 0x1212121212121212121212121212120000000012 -> 0 # offset out of range #
// create(bytes): 0x20, 32, 0x40 -> 0 # arguments too short #
// create(bytes), 1 wei: 0x20, 192, 0x40, 2, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 -> 0 # value sent to a non-payable constructor #
// balance -> 1
// create(bytes): 0x20, 192, 0x40, 2, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012 -> 0x137aa4dfc0911524504fcd4d98501f179bc13b4a
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 4, left(0x42cde4e8) -> true, 0x40, 32, 2
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 4, left(0xa0e67e2b) -> true, 0x40, 160, 0x20, 3, 0x1212121212121212121212121212120000000012, 0x1212121212121212121212121212120000001012, 0x1212121212121212121212121212120000002012
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 36, hex"2f54bf6e", 0x1212121212121212121212121212120000002012, hex"00000000000000000000000000000000000000000000000000000000" -> true, 0x40, 32, true
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 36, hex"2f54bf6e", 0xc06afe3a8444fc0004668591e8306bfb9968e79e, hex"00000000000000000000000000000000000000000000000000000000" -> true, 0x40, 32, false
// forward(address,bytes), 2 ether: 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 0 -> true, 0x40, 0
// ~ emit Deposit(address,uint256) from 0x137aa4dfc0911524504fcd4d98501f179bc13b4a: #0xc06afe3a8444fc0004668591e8306bfb9968e79e, 0x1bc16d674ec80000
// balance: 0x137aa4dfc0911524504fcd4d98501f179bc13b4a -> 2000000000000000000
// balance -> 1
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 36, hex"ba0179b5", 0, hex"00000000000000000000000000000000000000000000000000000000" -> false, 0x40, 100, hex"08c379a0", 0x20, 12, "not an owner", hex"00000000000000000000000000000000000000000000000000000000"
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 4, hex"ffffffff", hex"00000000000000000000000000000000000000000000000000000000" -> false, 0x40, 0
// forward(address,bytes), 1 wei: 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 4, left(0x42cde4e8) -> false, 0x40, 0 # threshold() is not payable #
// balance -> 2
// create(bytes): 0x20, 160, 0x60, 1, 0, 1, 0x1212121212121212121212121212120000003012 -> 0x87948bd7ebbe13a00bfd930c93e4828ab18e3908
// forward(address,bytes): 0x87948bd7ebbe13a00bfd930c93e4828ab18e3908, 0x40, 4, left(0xa0e67e2b) -> true, 0x40, 96, 0x20, 1, 0x1212121212121212121212121212120000003012
// forward(address,bytes): 0x87948bd7ebbe13a00bfd930c93e4828ab18e3908, 0x40, 4, left(0x42cde4e8) -> true, 0x40, 32, 1
// forward(address,bytes): 0x137aa4dfc0911524504fcd4d98501f179bc13b4a, 0x40, 4, left(0x42cde4e8) -> true, 0x40, 32, 2
// create(bytes): 0x20 -> FAILURE
// create(bytes): 0x20, 64, 0x40 -> FAILURE
// forward(address,bytes): 0x20 -> FAILURE
// () -> FAILURE
