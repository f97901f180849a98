; object "object"
source_filename = "bare.yul"

define void @main() {
entry:
	%x = alloca i256
	%0 = call i256 @evm.calldataload(i256 0)
	store i256 %0, i256* %x
	%1 = load i256, i256* %x
	call void @evm.sstore(i256 0, i256 %1)
	ret void
}

declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)
