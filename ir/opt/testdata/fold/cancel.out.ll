declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	%p = call i256 @evm.calldataload(i256 0)
	%q = call i256 @evm.calldataload(i256 32)
	%r = call i256 @evm.calldataload(i256 64)
	%a = add i256 %p, 4
	%b = add i256 %a, %q
	%c = add i256 %b, 64
	%0 = add i256 %q, 68
	call void @evm.sstore(i256 1, i256 %0)
	%e = add i256 %q, %p
	%f = add i256 %e, %r
	%1 = add i256 %q, %r
	call void @evm.sstore(i256 2, i256 %1)
	%h = add i256 %p, -1
	call void @evm.sstore(i256 3, i256 0)
	%k = add i256 %q, %r
	%l = add i256 %k, %p
	%m = add i256 %l, 5
	%n = sub i256 %m, %p
	call void @evm.sstore(i256 4, i256 %n)
	%o = sub i256 %f, %a
	call void @evm.sstore(i256 5, i256 %o)
	ret void
}
