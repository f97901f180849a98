; A Yul for loop as the frontend lowers it: variables are allocas.
; for { let i := 0 } lt(i, n) { i := add(i, 1) } { s := add(s, i) }
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %n = alloca i256
  %s = alloca i256
  %i = alloca i256
  store i256 10, i256* %n
  store i256 0, i256* %s
  store i256 0, i256* %i
  br label %cond
cond:
  %i0 = load i256, i256* %i
  %n0 = load i256, i256* %n
  %c = icmp ult i256 %i0, %n0
  %cz = zext i1 %c to i256
  %t = icmp ne i256 %cz, 0
  br i1 %t, label %body, label %exit
body:
  %s0 = load i256, i256* %s
  %i1 = load i256, i256* %i
  %s1 = add i256 %s0, %i1
  store i256 %s1, i256* %s
  br label %post
post:
  %i2 = load i256, i256* %i
  %i3 = add i256 %i2, 1
  store i256 %i3, i256* %i
  br label %cond
exit:
  %s2 = load i256, i256* %s
  call void @evm.sstore(i256 0, i256 %s2)
  ret void
}
