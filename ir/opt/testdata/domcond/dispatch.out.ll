declare i256 @evm.calldatasize()

declare i256 @evm.sload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.revert(i256 %0, i256 %1)

define void @main() {
entry:
	%cds = call i256 @evm.calldatasize()
	%ge = icmp uge i256 %cds, 4
	br i1 %ge, label %body, label %short

body:
	%lt = icmp ult i256 %cds, 4
	br i1 false, label %rev, label %cont

rev:
	call void @evm.revert(i256 0, i256 0)
	unreachable

cont:
	%again = icmp uge i256 %cds, 4
	%z = zext i1 true to i256
	call void @evm.sstore(i256 0, i256 %z)
	br i1 true, label %a, label %b

a:
	call void @evm.sstore(i256 1, i256 1)
	br label %join

b:
	call void @evm.sstore(i256 1, i256 2)
	br label %join

short:
	%ge2 = icmp uge i256 %cds, 4
	%z2 = zext i1 false to i256
	call void @evm.sstore(i256 2, i256 %z2)
	br label %join

join:
	%ge3 = icmp uge i256 %cds, 4
	%z3 = zext i1 %ge3 to i256
	call void @evm.sstore(i256 3, i256 %z3)
	%x = call i256 @evm.sload(i256 9)
	%c = icmp eq i256 %x, 7
	br i1 %c, label %seven, label %other

seven:
	%ne = icmp ne i256 %x, 7
	%zn = zext i1 false to i256
	call void @evm.sstore(i256 4, i256 %zn)
	ret void

other:
	ret void
}
