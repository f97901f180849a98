declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.revert(i256 %0, i256 %1) noreturn

define void @main() {
entry:
	br label %head

head:
	%i = phi i256 [ 0, %entry ], [ %i2, %latch ]
	%c = icmp ult i256 %i, 10
	br i1 %c, label %body, label %exit

body:
	br label %latch

latch:
	%i2 = add i256 %i, 1
	br label %head

exit:
	call void @evm.sstore(i256 %i, i256 1)
	ret void
}
