declare i256 @evm.memoryguard(i256 %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare i256 @evm.mload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.calldatasize()

declare void @evm.calldatacopy(i256 %0, i256 %1, i256 %2)

declare void @evm.mcopy(i256 %0, i256 %1, i256 %2)

define void @main() {
entry:
	%g = call i256 @evm.memoryguard(i256 128)
	call void @evm.mstore(i256 %g, i256 4)
	call void @evm.mstore(i256 64, i256 7)
	%p = add i256 %g, 32
	%n = call i256 @evm.calldatasize()
	call void @evm.calldatacopy(i256 %p, i256 %n, i256 32)
	call void @evm.sstore(i256 0, i256 4)
	call void @evm.sstore(i256 1, i256 7)
	call void @evm.mcopy(i256 %g, i256 0, i256 1)
	%c = call i256 @evm.mload(i256 %g)
	call void @evm.sstore(i256 2, i256 %c)
	call void @evm.mstore(i256 112, i256 9)
	%d = call i256 @evm.mload(i256 %g)
	call void @evm.sstore(i256 3, i256 %d)
	call void @evm.calldatacopy(i256 %p, i256 0, i256 %n)
	%e = call i256 @evm.mload(i256 64)
	call void @evm.sstore(i256 4, i256 %e)
	ret void
}
