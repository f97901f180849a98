; x - y where x is a sum with y among its terms: the other terms. solc's
; encoders return (start + 32 + size rounded + 32) - start.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %p = call i256 @evm.calldataload(i256 0)
  %q = call i256 @evm.calldataload(i256 32)
  %r = call i256 @evm.calldataload(i256 64)
  ; ((p + 4) + q) + 64 - p is q + 68
  %a = add i256 %p, 4
  %b = add i256 %a, %q
  %c = add i256 %b, 64
  %d = sub i256 %c, %p
  call void @evm.sstore(i256 1, i256 %d)
  ; (q + p) + r - p is q + r
  %e = add i256 %q, %p
  %f = add i256 %e, %r
  %g = sub i256 %f, %p
  call void @evm.sstore(i256 2, i256 %g)
  ; (p + -1) + 1 - p is 0 (constants wrap)
  %h = add i256 %p, -1
  %i = add i256 %h, 1
  %j = sub i256 %i, %p
  call void @evm.sstore(i256 3, i256 %j)
  ; three other terms would need two adds: kept
  %k = add i256 %q, %r
  %l = add i256 %k, %p
  %m = add i256 %l, 5
  %n = sub i256 %m, %p
  call void @evm.sstore(i256 4, i256 %n)
  ; p + 4 is not a leaf of (q + p) + r: kept
  %o = sub i256 %f, %a
  call void @evm.sstore(i256 5, i256 %o)
  ret void
}
