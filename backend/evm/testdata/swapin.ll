; expect: 50 488 1 6 19
; Updates in place (emitter.swapIn): `x = f(x, …)` with x dying and the
; result taking x's slot, which is not the top slot: x's slot is exchanged
; with the top slot around the instruction. Covers commutative operands
; (the SWAP1 the peephole drops), a mirrored comparison, x as the deepest
; operand (shift, mload, an internal call), and an operand read from the
; exchanged top slot meanwhile.
declare void @evm.mstore(i256, i256)
declare i256 @evm.mload(i256)
declare void @evm.return(i256, i256) noreturn

define i256 @inc(i256 %a, i256 %b) {
entry:
  %r = add i256 %a, %b
  ret i256 %r
}

define { i256, i256 } @loop(i256 %n) {
entry:
  br label %head
head:
  %i = phi i256 [ 0, %entry ], [ %i1, %body ]
  %s = phi i256 [ 0, %entry ], [ %s3, %body ]
  %k = phi i256 [ 1, %entry ], [ %k1, %body ]
  %c = icmp ult i256 %i, %n
  br i1 %c, label %body, label %exit
body:
  %s1 = add i256 %s, 5
  %s2 = add i256 %s1, %k
  %s3 = add i256 %s2, %i
  %i1 = add i256 %i, 1
  %k1 = add i256 %k, 1
  br label %head
exit:
  %r0 = insertvalue { i256, i256 } undef, i256 %s, 0
  %r1 = insertvalue { i256, i256 } %r0, i256 %k, 1
  ret { i256, i256 } %r1
}

define void @main() {
entry:
  %r = call { i256, i256 } @loop(i256 5)
  %s = extractvalue { i256, i256 } %r, 0
  %k = extractvalue { i256, i256 } %r, 1
  call void @evm.mstore(i256 0, i256 %s)
  %a = call i256 @evm.mload(i256 0)
  %b = add i256 %a, 11
  %x = shl i256 %b, 3
  %y = call i256 @evm.mload(i256 0)
  %x2 = icmp ult i256 %y, %x
  %x3 = zext i1 %x2 to i256
  %z = call i256 @inc(i256 %x3, i256 %k)
  %z2 = sub i256 %z, %x3
  call void @evm.mstore(i256 32, i256 %x)
  call void @evm.mstore(i256 64, i256 %x3)
  call void @evm.mstore(i256 96, i256 %z2)
  %w = add i256 %z, 12
  call void @evm.mstore(i256 128, i256 %w)
  call void @evm.return(i256 0, i256 160)
  unreachable
}
