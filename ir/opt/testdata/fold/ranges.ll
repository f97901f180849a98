; Signed comparisons of small unsigned values plus a constant become
; unsigned comparisons (or constants). Each sstore names the expected form.
declare void @evm.sstore(i256, i256)
declare i256 @evm.calldatasize()
declare i256 @evm.calldataload(i256)
declare i256 @evm.shr(i256, i256)

define void @main() {
entry:
  %cds = call i256 @evm.calldatasize()
  ; slt(add(cds, not(3)), 32) is cds < 36
  %a = add i256 %cds, -4
  %c1 = icmp slt i256 %a, 32
  %z1 = zext i1 %c1 to i256
  call void @evm.sstore(i256 1, i256 %z1)
  ; slt(sub(cds, 4), 64) is cds < 68
  %s = sub i256 %cds, 4
  %c2 = icmp slt i256 %s, 64
  %z2 = zext i1 %c2 to i256
  call void @evm.sstore(i256 2, i256 %z2)
  ; sgt(32, add(cds, -4)) is the same test with the constant first: cds < 36
  %c3 = icmp sgt i256 32, %a
  %z3 = zext i1 %c3 to i256
  call void @evm.sstore(i256 3, i256 %z3)
  ; slt(add(cds, 10), 5): d = -5, never true
  %b = add i256 %cds, 10
  %c4 = icmp slt i256 %b, 5
  %z4 = zext i1 %c4 to i256
  call void @evm.sstore(i256 4, i256 %z4)
  ; sge(add(cds, -4), -10): d = -6, always true
  %c5 = icmp sge i256 %a, -10
  %z5 = zext i1 %c5 to i256
  call void @evm.sstore(i256 5, i256 %z5)
  ; slt(shr(224, x), 2^40): the selector is below 2^32, always true
  %x = call i256 @evm.calldataload(i256 0)
  %sel = call i256 @evm.shr(i256 224, i256 %x)
  %c6 = icmp slt i256 %sel, 1099511627776
  %z6 = zext i1 %c6 to i256
  call void @evm.sstore(i256 6, i256 %z6)
  ; sle(and(x, 0xff), 7) is and(x, 0xff) <= 7 unsigned
  %m = and i256 %x, 255
  %c7 = icmp sle i256 %m, 7
  %z7 = zext i1 %c7 to i256
  call void @evm.sstore(i256 7, i256 %z7)
  ; unchanged: x is not known to be small
  %y = add i256 %x, -4
  %c8 = icmp slt i256 %y, 32
  %z8 = zext i1 %c8 to i256
  call void @evm.sstore(i256 8, i256 %z8)
  ; unchanged: the added constant is too large to rule out wrap-around
  %w = add i256 %cds, 57896044618658097711785492504343953926634992332820282019728792003956564819967
  %c9 = icmp slt i256 %w, 32
  %z9 = zext i1 %c9 to i256
  call void @evm.sstore(i256 9, i256 %z9)
  ret void
}
