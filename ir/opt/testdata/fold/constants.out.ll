declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.div(i256 %0, i256 %1)

declare i256 @evm.sdiv(i256 %0, i256 %1)

declare i256 @evm.mod(i256 %0, i256 %1)

declare i256 @evm.smod(i256 %0, i256 %1)

declare i256 @evm.exp(i256 %0, i256 %1)

declare i256 @evm.addmod(i256 %0, i256 %1, i256 %2)

declare i256 @evm.mulmod(i256 %0, i256 %1, i256 %2)

declare i256 @evm.signextend(i256 %0, i256 %1)

declare i256 @evm.byte(i256 %0, i256 %1)

declare i256 @evm.shl(i256 %0, i256 %1)

declare i256 @evm.shr(i256 %0, i256 %1)

declare i256 @evm.sar(i256 %0, i256 %1)

define void @main() {
entry:
	call void @evm.sstore(i256 1, i256 0)
	call void @evm.sstore(i256 2, i256 3)
	call void @evm.sstore(i256 3, i256 -2)
	call void @evm.sstore(i256 4, i256 -2)
	call void @evm.sstore(i256 5, i256 0)
	call void @evm.sstore(i256 6, i256 -57896044618658097711785492504343953926634992332820282019728792003956564819968)
	call void @evm.sstore(i256 7, i256 27)
	call void @evm.sstore(i256 8, i256 7)
	call void @evm.sstore(i256 9, i256 0)
	call void @evm.sstore(i256 10, i256 -1)
	call void @evm.sstore(i256 11, i256 127)
	call void @evm.sstore(i256 12, i256 52)
	call void @evm.sstore(i256 13, i256 0)
	call void @evm.sstore(i256 14, i256 0)
	call void @evm.sstore(i256 15, i256 16)
	call void @evm.sstore(i256 16, i256 u0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF)
	call void @evm.sstore(i256 17, i256 -1)
	call void @evm.sstore(i256 18, i256 -4)
	call void @evm.sstore(i256 19, i256 -1)
	call void @evm.sstore(i256 20, i256 1)
	call void @evm.sstore(i256 21, i256 1)
	call void @evm.sstore(i256 22, i256 0)
	call void @evm.sstore(i256 23, i256 10)
	ret void
}
