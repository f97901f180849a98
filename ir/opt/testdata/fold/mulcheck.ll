; Overflow checks of products by constants: or(iszero(x), eq(c, div(x*c, x)))
; becomes x <= floor((2^256-1)/c); other shapes keep their division.
declare void @evm.sstore(i256, i256)
declare i256 @evm.sload(i256)
declare i256 @evm.div(i256, i256)
declare i256 @evm.shl(i256, i256)

define void @main() {
entry:
  %x = call i256 @evm.sload(i256 0)
  %y = call i256 @evm.sload(i256 1)
  ; mul by 3, or operands in solc's order: x <= MAX/3
  %p1 = mul i256 %x, 3
  %q1 = call i256 @evm.div(i256 %p1, i256 %x)
  %e1 = icmp eq i256 3, %q1
  %z1 = zext i1 %e1 to i256
  %n1 = icmp eq i256 %x, 0
  %w1 = zext i1 %n1 to i256
  %o1 = or i256 %w1, %z1
  call void @evm.sstore(i256 1, i256 %o1)
  ; shl(1, x) is x * 2, operands swapped: x <= MAX/2
  %p2 = call i256 @evm.shl(i256 1, i256 %x)
  %q2 = call i256 @evm.div(i256 %p2, i256 %x)
  %e2 = icmp eq i256 %q2, 2
  %z2 = zext i1 %e2 to i256
  %n2 = icmp eq i256 0, %x
  %w2 = zext i1 %n2 to i256
  %o2 = or i256 %z2, %w2
  call void @evm.sstore(i256 2, i256 %o2)
  ; shl(1, x) compared with 4: not the product, kept
  %q3 = call i256 @evm.div(i256 %p2, i256 %x)
  %e3 = icmp eq i256 4, %q3
  %z3 = zext i1 %e3 to i256
  %o3 = or i256 %w1, %z3
  call void @evm.sstore(i256 3, i256 %o3)
  ; a variable factor: kept
  %p4 = mul i256 %x, %y
  %q4 = call i256 @evm.div(i256 %p4, i256 %x)
  %e4 = icmp eq i256 %y, %q4
  %z4 = zext i1 %e4 to i256
  %o4 = or i256 %w1, %z4
  call void @evm.sstore(i256 4, i256 %o4)
  ; divided by another value than the one tested for zero: kept
  %q5 = call i256 @evm.div(i256 %p1, i256 %y)
  %e5 = icmp eq i256 3, %q5
  %z5 = zext i1 %e5 to i256
  %o5 = or i256 %w1, %z5
  call void @evm.sstore(i256 5, i256 %o5)
  ret void
}
