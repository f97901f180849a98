declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.sload(i256 %0)

declare i256 @evm.div(i256 %0, i256 %1)

declare i256 @evm.shl(i256 %0, i256 %1)

define void @main() {
entry:
	%x = call i256 @evm.sload(i256 0)
	%y = call i256 @evm.sload(i256 1)
	%p1 = mul i256 %x, 3
	%q1 = call i256 @evm.div(i256 %p1, i256 %x)
	%e1 = icmp eq i256 3, %q1
	%z1 = zext i1 %e1 to i256
	%n1 = icmp eq i256 %x, 0
	%w1 = zext i1 %n1 to i256
	%0 = icmp ule i256 %x, u0x5555555555555555555555555555555555555555555555555555555555555555
	%1 = zext i1 %0 to i256
	call void @evm.sstore(i256 1, i256 %1)
	%p2 = call i256 @evm.shl(i256 1, i256 %x)
	%q2 = call i256 @evm.div(i256 %p2, i256 %x)
	%e2 = icmp eq i256 %q2, 2
	%z2 = zext i1 %e2 to i256
	%n2 = icmp eq i256 0, %x
	%w2 = zext i1 %n2 to i256
	%2 = icmp ule i256 %x, u0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
	%3 = zext i1 %2 to i256
	call void @evm.sstore(i256 2, i256 %3)
	%q3 = call i256 @evm.div(i256 %p2, i256 %x)
	%e3 = icmp eq i256 4, %q3
	%z3 = zext i1 %e3 to i256
	%o3 = or i256 %w1, %z3
	call void @evm.sstore(i256 3, i256 %o3)
	%p4 = mul i256 %x, %y
	%q4 = call i256 @evm.div(i256 %p4, i256 %x)
	%e4 = icmp eq i256 %y, %q4
	%z4 = zext i1 %e4 to i256
	%o4 = or i256 %w1, %z4
	call void @evm.sstore(i256 4, i256 %o4)
	%q5 = call i256 @evm.div(i256 %p1, i256 %y)
	%e5 = icmp eq i256 3, %q5
	%z5 = zext i1 %e5 to i256
	%o5 = or i256 %w1, %z5
	call void @evm.sstore(i256 5, i256 %o5)
	ret void
}
