; expect: 7 3 12
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define { i256, i256 } @divmod(i256 %a, i256 %b) {
entry:
  %q = sub i256 %a, %b
  %r = add i256 %b, 0
  %s0 = insertvalue { i256, i256 } undef, i256 %q, 0
  %s1 = insertvalue { i256, i256 } %s0, i256 %r, 1
  ret { i256, i256 } %s1
}

define i256 @three(i256 %a, i256 %b, i256 %c) {
entry:
  %t = add i256 %a, %b
  %u = add i256 %t, %c
  ret i256 %u
}

define void @main() {
entry:
  %p = call { i256, i256 } @divmod(i256 10, i256 3)
  %q = extractvalue { i256, i256 } %p, 0
  %r = extractvalue { i256, i256 } %p, 1
  %z = call i256 @three(i256 %q, i256 %r, i256 2)
  call void @evm.mstore(i256 0, i256 %q)
  call void @evm.mstore(i256 32, i256 %r)
  call void @evm.mstore(i256 64, i256 %z)
  call void @evm.return(i256 0, i256 96)
  unreachable
}
