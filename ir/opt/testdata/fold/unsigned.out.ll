declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.sload(i256 %0)

declare i256 @evm.memoryguard(i256 %0)

declare i256 @evm.calldatasize()

define void @main() {
entry:
	%m = call i256 @evm.memoryguard(i256 128)
	%p = add i256 %m, 64
	call void @evm.sstore(i256 1, i256 0)
	call void @evm.sstore(i256 2, i256 0)
	call void @evm.sstore(i256 3, i256 1)
	%c = call i256 @evm.calldatasize()
	%c4 = add i256 %c, 4
	call void @evm.sstore(i256 4, i256 1)
	%x = call i256 @evm.sload(i256 0)
	%x64 = add i256 %x, 64
	%w = icmp ult i256 %x64, %x
	%zw = zext i1 %w to i256
	call void @evm.sstore(i256 5, i256 %zw)
	ret void
}
