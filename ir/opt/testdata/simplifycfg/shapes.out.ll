declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%c = icmp eq i256 %x, 0
	br i1 %c, label %join, label %e2

e2:
	br label %join

join:
	%p = phi i256 [ 2, %e2 ], [ 1, %entry ]
	call void @evm.sstore(i256 0, i256 %p)
	ret void
}
