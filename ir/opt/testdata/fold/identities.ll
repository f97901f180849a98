; Algebraic identities on unknown values.
declare i256 @evm.calldataload(i256)
declare i256 @evm.div(i256, i256)
declare i256 @evm.exp(i256, i256)
declare i256 @evm.shl(i256, i256)
declare i256 @evm.mod(i256, i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  %y = call i256 @evm.calldataload(i256 32)
  %a = add i256 %x, 0
  call void @evm.sstore(i256 1, i256 %a)
  %b = mul i256 1, %x
  call void @evm.sstore(i256 2, i256 %b)
  %c = mul i256 %x, 0
  call void @evm.sstore(i256 3, i256 %c)
  %d = and i256 %x, 0
  call void @evm.sstore(i256 4, i256 %d)
  %e = or i256 0, %x
  call void @evm.sstore(i256 5, i256 %e)
  %f = xor i256 %x, %x
  call void @evm.sstore(i256 6, i256 %f)
  %g = sub i256 %y, %y
  call void @evm.sstore(i256 7, i256 %g)
  %h = call i256 @evm.div(i256 %x, i256 1)
  call void @evm.sstore(i256 8, i256 %h)
  %i = call i256 @evm.div(i256 %x, i256 0)
  call void @evm.sstore(i256 9, i256 %i)
  ; exp(2, y) becomes shl(y, 1)
  %j = call i256 @evm.exp(i256 2, i256 %y)
  call void @evm.sstore(i256 10, i256 %j)
  %k = call i256 @evm.mod(i256 %y, i256 1)
  call void @evm.sstore(i256 11, i256 %k)
  ; iszero(iszero(lt(x, y))) is lt(x, y)
  %l0 = icmp ult i256 %x, %y
  %l1 = zext i1 %l0 to i256
  %l2 = icmp eq i256 %l1, 0
  %l3 = zext i1 %l2 to i256
  %l4 = icmp eq i256 %l3, 0
  %l5 = zext i1 %l4 to i256
  call void @evm.sstore(i256 12, i256 %l5)
  ; and(zext(b), 1) is zext(b)
  %m = and i256 %l1, 1
  call void @evm.sstore(i256 13, i256 %m)
  ; x == x
  %n0 = icmp eq i256 %x, %x
  %n1 = zext i1 %n0 to i256
  call void @evm.sstore(i256 14, i256 %n1)
  ; lt(x, 0) is 0
  %o0 = icmp ult i256 %x, 0
  %o1 = zext i1 %o0 to i256
  call void @evm.sstore(i256 15, i256 %o1)
  ; a branch on iszero(iszero(c)) branches on c
  %p0 = icmp ne i256 %l3, 0
  br i1 %p0, label %t, label %e2
t:
  ret void
e2:
  ret void
}
