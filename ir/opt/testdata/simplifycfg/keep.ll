; Threading must not give one predecessor two different phi values: %e is
; empty, but %entry already reaches %j directly with another value.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  %c = icmp eq i256 %x, 0
  br i1 %c, label %e, label %j
e:
  br label %j
j:
  %p = phi i256 [ 1, %e ], [ 2, %entry ]
  call void @evm.sstore(i256 0, i256 %p)
  ret void
}
