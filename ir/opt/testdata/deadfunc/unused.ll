; Functions main does not reach go, with the declarations only they used.
declare void @evm.sstore(i256, i256)
declare i256 @evm.sload(i256)

define void @used() {
entry:
  call void @evm.sstore(i256 0, i256 1)
  ret void
}

define void @unused() {
entry:
  call void @unused2()
  ret void
}

define void @unused2() {
entry:
  %x = call i256 @evm.sload(i256 0)
  ret void
}

define void @main() {
entry:
  call void @used()
  ret void
}
