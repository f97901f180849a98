declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.revert(i256 %0, i256 %1) noreturn

define i256 @twice(i256 %a) {
entry:
	%r = add i256 %a, %a
	ret i256 %r
}

define i256 @max(i256 %a, i256 %b) {
entry:
	%c = icmp ugt i256 %a, %b
	br i1 %c, label %ta, label %tb

ta:
	ret i256 %a

tb:
	ret i256 %b
}

define void @check(i256 %x) {
entry:
	%c = icmp eq i256 %x, 0
	br i1 %c, label %bad, label %ok

bad:
	call void @evm.revert(i256 0, i256 0)
	unreachable

ok:
	ret void
}

define i256 @fact(i256 %n) {
entry:
	%c = icmp eq i256 %n, 0
	br i1 %c, label %one, label %rec

one:
	ret i256 1

rec:
	%m = sub i256 %n, 1
	%f = call i256 @fact(i256 %m)
	%r = mul i256 %n, %f
	ret i256 %r
}

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%y = call i256 @evm.calldataload(i256 32)
	br label %0

0:
	%1 = add i256 %x, %x
	br label %2

2:
	br label %3

3:
	%4 = add i256 %y, %y
	br label %5

5:
	br label %6

6:
	%7 = icmp ugt i256 %1, %4
	br i1 %7, label %8, label %9

8:
	br label %10

9:
	br label %10

10:
	%11 = phi i256 [ %1, %8 ], [ %4, %9 ]
	br label %12

12:
	%13 = icmp eq i256 %11, 0
	br i1 %13, label %14, label %15

14:
	call void @evm.revert(i256 0, i256 0)
	unreachable

15:
	br label %16

16:
	%f = call i256 @fact(i256 %11)
	call void @evm.sstore(i256 0, i256 %f)
	ret void
}
