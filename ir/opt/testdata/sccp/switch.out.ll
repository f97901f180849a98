declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.shl(i256 %0, i256 %1)

define void @main() {
entry:
	br label %b

b:
	br label %j

j:
	br label %four

four:
	call void @evm.sstore(i256 0, i256 44)
	ret void
}
