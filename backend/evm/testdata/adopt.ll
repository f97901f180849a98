; expect: 140 170 30 5 170 7
; Dying slot operands consumed in place (emitter.adopt): non-commutative
; operands, branches right after a consumption (slots recreated under the
; condition), loop-carried values updated on the top slot, results already
; on top of the frame at ret, and an early-pushed operand adopted under a
; temp's expression tree.
declare void @evm.mstore(i256, i256)
declare i256 @evm.mload(i256)
declare void @evm.return(i256, i256) noreturn

define i256 @f(i256 %a, i256 %b) {
entry:
  %x = sub i256 %a, %b
  %y = mul i256 %x, 3
  %c = icmp ugt i256 %y, 100
  br i1 %c, label %big, label %small
big:
  %z = sub i256 %y, 100
  ret i256 %z
small:
  %w = add i256 %y, %a
  ret i256 %w
}

define { i256, i256 } @g(i256 %n) {
entry:
  br label %loop
loop:
  %i = phi i256 [ 0, %entry ], [ %i1, %body ]
  %s = phi i256 [ 0, %entry ], [ %s1, %body ]
  %c = icmp ult i256 %i, %n
  br i1 %c, label %body, label %exit
body:
  %t = mul i256 %i, %i
  %s1 = add i256 %s, %t
  %i1 = add i256 %i, 1
  br label %loop
exit:
  %r0 = insertvalue { i256, i256 } undef, i256 %s, 0
  %r1 = insertvalue { i256, i256 } %r0, i256 %i, 1
  ret { i256, i256 } %r1
}

define i256 @h(i256 %p, i256 %q) {
entry:
  %u = add i256 %p, %q
  %m = call i256 @evm.mload(i256 %u)
  %d = sub i256 %u, %m
  %e = sub i256 %d, %q
  ret i256 %e
}

define void @main() {
entry:
  %p = call i256 @f(i256 50, i256 20)
  %q = call i256 @f(i256 100, i256 10)
  %r = call { i256, i256 } @g(i256 5)
  %s = extractvalue { i256, i256 } %r, 0
  %i = extractvalue { i256, i256 } %r, 1
  call void @evm.mstore(i256 0, i256 %p)
  call void @evm.mstore(i256 32, i256 %q)
  call void @evm.mstore(i256 64, i256 %s)
  call void @evm.mstore(i256 96, i256 %i)
  call void @evm.mstore(i256 224, i256 30)
  %v = call i256 @h(i256 200, i256 24)
  call void @evm.mstore(i256 128, i256 %v)
  call void @evm.mstore(i256 160, i256 7)
  call void @evm.return(i256 0, i256 192)
  unreachable
}
