; Constant branch, branch with equal targets, empty-block threading into a
; block with phis, straight-line merging, a switch whose cases all go to the
; default, and an unreachable block.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  br i1 true, label %a, label %dead
dead:
  call void @evm.sstore(i256 9, i256 9)
  br label %a
a:
  %c = icmp eq i256 %x, 0
  br i1 %c, label %same, label %same
same:
  br i1 %c, label %e1, label %e2
e1:
  br label %join
e2:
  br label %join
join:
  %p = phi i256 [ 1, %e1 ], [ 2, %e2 ]
  call void @evm.sstore(i256 0, i256 %p)
  switch i256 %x, label %tail [ i256 1, label %tail
                                i256 2, label %tail ]
tail:
  br label %end
end:
  ret void
}
