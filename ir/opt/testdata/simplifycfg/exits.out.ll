declare i256 @evm.calldataload(i256 %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare void @evm.revert(i256 %0, i256 %1) noreturn

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%c1 = icmp eq i256 %x, 1
	br i1 %c1, label %r1, label %n1

r1:
	call void @evm.revert(i256 0, i256 0)
	unreachable

n1:
	%c2 = icmp eq i256 %x, 2
	br i1 %c2, label %r1, label %n2

n2:
	%c3 = icmp eq i256 %x, 3
	br i1 %c3, label %p1, label %n3

p1:
	call void @evm.mstore(i256 4, i256 17)
	call void @evm.revert(i256 0, i256 36)
	unreachable

n3:
	%c4 = icmp eq i256 %x, 4
	br i1 %c4, label %p2, label %n4

p2:
	call void @evm.mstore(i256 4, i256 18)
	call void @evm.revert(i256 0, i256 36)
	unreachable

n4:
	%c5 = icmp eq i256 %x, 5
	br i1 %c5, label %p1, label %done

done:
	ret void
}
