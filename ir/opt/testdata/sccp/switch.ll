; A switch on a value that is constant through a phi whose other incoming
; edge never executes.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.shl(i256, i256)

define void @main() {
entry:
  %k = call i256 @evm.shl(i256 1, i256 2)
  %never = icmp ugt i256 %k, 4
  br i1 %never, label %a, label %b
a:
  %v = call i256 @evm.calldataload(i256 0)
  br label %j
b:
  br label %j
j:
  %p = phi i256 [ %v, %a ], [ %k, %b ]
  switch i256 %p, label %d [ i256 4, label %four
                             i256 5, label %five ]
four:
  call void @evm.sstore(i256 0, i256 44)
  ret void
five:
  call void @evm.sstore(i256 0, i256 55)
  ret void
d:
  ret void
}
