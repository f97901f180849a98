declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.calldatasize()

declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.shr(i256 %0, i256 %1)

define void @main() {
entry:
	%cds = call i256 @evm.calldatasize()
	%a = add i256 %cds, -4
	%0 = icmp ult i256 %cds, 36
	%z1 = zext i1 %0 to i256
	call void @evm.sstore(i256 1, i256 %z1)
	%s = sub i256 %cds, 4
	%1 = icmp ult i256 %cds, 68
	%z2 = zext i1 %1 to i256
	call void @evm.sstore(i256 2, i256 %z2)
	%2 = icmp ult i256 %cds, 36
	%z3 = zext i1 %2 to i256
	call void @evm.sstore(i256 3, i256 %z3)
	%b = add i256 %cds, 10
	call void @evm.sstore(i256 4, i256 0)
	call void @evm.sstore(i256 5, i256 1)
	%x = call i256 @evm.calldataload(i256 0)
	%sel = call i256 @evm.shr(i256 224, i256 %x)
	call void @evm.sstore(i256 6, i256 1)
	%m = and i256 %x, 255
	%3 = icmp ule i256 %m, 7
	%z7 = zext i1 %3 to i256
	call void @evm.sstore(i256 7, i256 %z7)
	%y = add i256 %x, -4
	%c8 = icmp slt i256 %y, 32
	%z8 = zext i1 %c8 to i256
	call void @evm.sstore(i256 8, i256 %z8)
	%w = add i256 %cds, u0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
	%c9 = icmp slt i256 %w, 32
	%z9 = zext i1 %c9 to i256
	call void @evm.sstore(i256 9, i256 %z9)
	ret void
}
