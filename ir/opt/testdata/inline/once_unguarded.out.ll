declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define i256 @big(i256 %a) {
entry:
	%x1 = add i256 %a, 1
	%x2 = mul i256 %x1, %a
	%x3 = xor i256 %x2, %x1
	%x4 = add i256 %x3, %x2
	%x5 = mul i256 %x4, %x3
	%x6 = xor i256 %x5, %x4
	%x7 = add i256 %x6, %x5
	%x8 = mul i256 %x7, %x6
	%x9 = xor i256 %x8, %x7
	%x10 = add i256 %x9, %x8
	%x11 = mul i256 %x10, %x9
	%x12 = xor i256 %x11, %x10
	%x13 = add i256 %x12, %x11
	%x14 = mul i256 %x13, %x12
	%x15 = xor i256 %x14, %x13
	%x16 = add i256 %x15, %x14
	%x17 = mul i256 %x16, %x15
	ret i256 %x17
}

define void @main() {
entry:
	%x = call i256 @evm.calldataload(i256 0)
	%r = call i256 @big(i256 %x)
	call void @evm.sstore(i256 0, i256 %r)
	ret void
}
