; expect: 55
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define i256 @fib(i256 %n) {
entry:
  %small = icmp ult i256 %n, 2
  br i1 %small, label %base, label %rec
base:
  ret i256 %n
rec:
  %n1 = sub i256 %n, 1
  %n2 = sub i256 %n, 2
  %f1 = call i256 @fib(i256 %n1)
  %f2 = call i256 @fib(i256 %n2)
  %s = add i256 %f1, %f2
  ret i256 %s
}

define void @main() {
entry:
  %r = call i256 @fib(i256 10)
  call void @evm.mstore(i256 0, i256 %r)
  call void @evm.return(i256 0, i256 32)
  unreachable
}
