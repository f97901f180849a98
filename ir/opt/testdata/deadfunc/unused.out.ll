declare void @evm.sstore(i256 %0, i256 %1)

define void @used() {
entry:
	call void @evm.sstore(i256 0, i256 1)
	ret void
}

define void @main() {
entry:
	call void @used()
	ret void
}
