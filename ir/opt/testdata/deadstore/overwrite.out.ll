declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.sload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.mstore(i256 %0, i256 %1)

declare void @evm.mstore8(i256 %0, i256 %1)

declare i256 @evm.keccak256(i256 %0, i256 %1)

declare void @evm.return(i256 %0, i256 %1) noreturn

define void @main() {
entry:
	%k = call i256 @evm.calldataload(i256 0)
	call void @evm.sstore(i256 0, i256 2)
	call void @evm.sstore(i256 1, i256 1)
	%s = call i256 @evm.sload(i256 %k)
	call void @evm.sstore(i256 1, i256 %s)
	%b = add i256 %k, 3
	call void @evm.mstore(i256 %k, i256 9)
	call void @evm.mstore(i256 64, i256 1)
	%h = call i256 @evm.keccak256(i256 64, i256 32)
	call void @evm.mstore(i256 64, i256 %h)
	call void @evm.return(i256 64, i256 32)
	unreachable
}
