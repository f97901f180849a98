; -O0 runs only mem2reg, dce and deadfunc: no alloca is left, nothing is folded.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %x = alloca i256
  %y = alloca i256
  %a = call i256 @evm.calldataload(i256 0)
  store i256 %a, i256* %x
  %c = icmp eq i256 %a, 0
  br i1 %c, label %t, label %j
t:
  %x0 = load i256, i256* %x
  %x1 = add i256 %x0, 0
  store i256 %x1, i256* %y
  br label %j
j:
  %y0 = load i256, i256* %y
  call void @evm.sstore(i256 0, i256 %y0)
  ret void
}
