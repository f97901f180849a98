; Equal pure values merge across dominated blocks (commuted operands too);
; sload merges only while no sstore or call intervenes; a read after a join
; does not merge with one before it; gas() never merges; calldataload
; (environment) merges across an sstore.
declare i256 @evm.calldataload(i256)
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.gas()
declare i256 @evm.div(i256, i256)

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  %y = call i256 @evm.calldataload(i256 32)
  %a1 = add i256 %x, %y
  %a2 = add i256 %y, %x
  %d1 = call i256 @evm.div(i256 %x, i256 %y)
  %s1 = call i256 @evm.sload(i256 %x)
  %s2 = call i256 @evm.sload(i256 %x)
  call void @evm.sstore(i256 1, i256 %a2)
  %s3 = call i256 @evm.sload(i256 %x)
  %x2 = call i256 @evm.calldataload(i256 0)
  %g1 = call i256 @evm.gas()
  %g2 = call i256 @evm.gas()
  %c = icmp eq i256 %s1, %s3
  br i1 %c, label %t, label %f
t:
  %a3 = add i256 %x, %y
  %d2 = call i256 @evm.div(i256 %x, i256 %y)
  %s4 = call i256 @evm.sload(i256 %x)
  call void @evm.sstore(i256 2, i256 %a3)
  call void @evm.sstore(i256 3, i256 %d2)
  call void @evm.sstore(i256 4, i256 %s4)
  br label %j
f:
  br label %j
j:
  %s5 = call i256 @evm.sload(i256 %x)
  call void @evm.sstore(i256 5, i256 %s2)
  call void @evm.sstore(i256 6, i256 %s5)
  call void @evm.sstore(i256 7, i256 %d1)
  call void @evm.sstore(i256 8, i256 %x2)
  call void @evm.sstore(i256 9, i256 %g1)
  call void @evm.sstore(i256 10, i256 %g2)
  ret void
}
