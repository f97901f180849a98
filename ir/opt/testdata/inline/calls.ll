; A small function is inlined at both call sites; a function with two
; returns gets a phi; a big function called once is inlined; a recursive
; function is not.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)
declare void @evm.revert(i256, i256) noreturn

define i256 @twice(i256 %a) {
entry:
  %r = add i256 %a, %a
  ret i256 %r
}

define i256 @max(i256 %a, i256 %b) {
entry:
  %c = icmp ugt i256 %a, %b
  br i1 %c, label %ta, label %tb
ta:
  ret i256 %a
tb:
  ret i256 %b
}

define void @check(i256 %x) {
entry:
  %c = icmp eq i256 %x, 0
  br i1 %c, label %bad, label %ok
bad:
  call void @evm.revert(i256 0, i256 0)
  unreachable
ok:
  ret void
}

define i256 @fact(i256 %n) {
entry:
  %c = icmp eq i256 %n, 0
  br i1 %c, label %one, label %rec
one:
  ret i256 1
rec:
  %m = sub i256 %n, 1
  %f = call i256 @fact(i256 %m)
  %r = mul i256 %n, %f
  ret i256 %r
}

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  %y = call i256 @evm.calldataload(i256 32)
  %a = call i256 @twice(i256 %x)
  %b = call i256 @twice(i256 %y)
  %m = call i256 @max(i256 %a, i256 %b)
  call void @check(i256 %m)
  %f = call i256 @fact(i256 %m)
  call void @evm.sstore(i256 0, i256 %f)
  ret void
}
