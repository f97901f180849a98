declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.sload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.gas()

declare i256 @evm.div(i256 %0, i256 %1)

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%y = call i256 @evm.calldataload(i256 32)
	%a1 = add i256 %x, %y
	%d1 = call i256 @evm.div(i256 %x, i256 %y)
	%s1 = call i256 @evm.sload(i256 %x)
	call void @evm.sstore(i256 1, i256 %a1)
	%s3 = call i256 @evm.sload(i256 %x)
	%g1 = call i256 @evm.gas()
	%g2 = call i256 @evm.gas()
	%c = icmp eq i256 %s1, %s3
	br i1 %c, label %t, label %f

t:
	call void @evm.sstore(i256 2, i256 %a1)
	call void @evm.sstore(i256 3, i256 %d1)
	call void @evm.sstore(i256 4, i256 %s3)
	br label %j

f:
	br label %j

j:
	%s5 = call i256 @evm.sload(i256 %x)
	call void @evm.sstore(i256 5, i256 %s1)
	call void @evm.sstore(i256 6, i256 %s5)
	call void @evm.sstore(i256 7, i256 %d1)
	call void @evm.sstore(i256 8, i256 %x)
	call void @evm.sstore(i256 9, i256 %g1)
	call void @evm.sstore(i256 10, i256 %g2)
	ret void
}
