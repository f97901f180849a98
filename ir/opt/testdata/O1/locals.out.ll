declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	%a = call i256 @evm.calldataload(i256 0)
	%c = icmp eq i256 %a, 0
	br i1 %c, label %t, label %j

t:
	br label %j

j:
	%0 = phi i256 [ 0, %entry ], [ %a, %t ]
	call void @evm.sstore(i256 0, i256 %0)
	ret void
}
