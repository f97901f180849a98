declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	br label %cond

cond:
	%0 = phi i256 [ 0, %entry ], [ %s1, %post ]
	%1 = phi i256 [ 0, %entry ], [ %i3, %post ]
	%c = icmp ult i256 %1, 10
	%cz = zext i1 %c to i256
	%t = icmp ne i256 %cz, 0
	br i1 %t, label %body, label %exit

body:
	%s1 = add i256 %0, %1
	br label %post

post:
	%i3 = add i256 %1, 1
	br label %cond

exit:
	call void @evm.sstore(i256 0, i256 %0)
	ret void
}
