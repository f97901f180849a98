declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.div(i256 %0, i256 %1)

declare i256 @evm.exp(i256 %0, i256 %1)

declare i256 @evm.shl(i256 %0, i256 %1)

declare i256 @evm.mod(i256 %0, i256 %1)

declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%y = call i256 @evm.calldataload(i256 32)
	call void @evm.sstore(i256 1, i256 %x)
	call void @evm.sstore(i256 2, i256 %x)
	call void @evm.sstore(i256 3, i256 0)
	call void @evm.sstore(i256 4, i256 0)
	call void @evm.sstore(i256 5, i256 %x)
	call void @evm.sstore(i256 6, i256 0)
	call void @evm.sstore(i256 7, i256 0)
	call void @evm.sstore(i256 8, i256 %x)
	call void @evm.sstore(i256 9, i256 0)
	%0 = call i256 @evm.shl(i256 %y, i256 1)
	call void @evm.sstore(i256 10, i256 %0)
	call void @evm.sstore(i256 11, i256 0)
	%l0 = icmp ult i256 %x, %y
	%l1 = zext i1 %l0 to i256
	%1 = icmp uge i256 %x, %y
	%l3 = zext i1 %1 to i256
	%2 = icmp ult i256 %x, %y
	%l5 = zext i1 %2 to i256
	call void @evm.sstore(i256 12, i256 %l5)
	call void @evm.sstore(i256 13, i256 %l1)
	call void @evm.sstore(i256 14, i256 1)
	call void @evm.sstore(i256 15, i256 0)
	br i1 %1, label %t, label %e2

t:
	ret void

e2:
	ret void
}
