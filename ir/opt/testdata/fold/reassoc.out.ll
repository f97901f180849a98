declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define void @main() {
entry:
	%p = call i256 @evm.calldataload(i256 0)
	%q = call i256 @evm.calldataload(i256 32)
	%a1 = add i256 %p, 32
	%0 = add i256 %p, 64
	call void @evm.sstore(i256 1, i256 %0)
	call void @evm.sstore(i256 2, i256 32)
	%a3 = add i256 96, %p
	%1 = add i256 %p, 64
	call void @evm.sstore(i256 3, i256 %1)
	%s3 = sub i256 %p, %q
	call void @evm.sstore(i256 4, i256 %p)
	%m1 = and i256 %q, u0xFFFF
	call void @evm.sstore(i256 5, i256 %m1)
	%m3 = and i256 %q, u0xFF00
	%2 = and i256 %q, 3840
	call void @evm.sstore(i256 6, i256 %2)
	%t0 = insertvalue { i256, i256 } undef, i256 %p, 0
	%t1 = insertvalue { i256, i256 } %t0, i256 %q, 1
	call void @evm.sstore(i256 %p, i256 %q)
	%b1 = add i256 %p, 1
	call void @evm.sstore(i256 7, i256 %p)
	ret void
}
