; A loop-carried value that stays constant: x is 1 on entry and the loop
; keeps it 1, so the branch on x folds and the revert block dies. The loop
; counter i varies and stays.
declare void @evm.sstore(i256, i256)
declare void @evm.revert(i256, i256) noreturn

define void @main() {
entry:
  br label %head
head:
  %x = phi i256 [ 1, %entry ], [ %x2, %latch ]
  %i = phi i256 [ 0, %entry ], [ %i2, %latch ]
  %c = icmp ult i256 %i, 10
  br i1 %c, label %body, label %exit
body:
  %isone = icmp eq i256 %x, 1
  br i1 %isone, label %latch, label %bad
bad:
  call void @evm.revert(i256 0, i256 0)
  unreachable
latch:
  %x2 = mul i256 %x, 1
  %i2 = add i256 %i, 1
  br label %head
exit:
  call void @evm.sstore(i256 %i, i256 %x)
  ret void
}
