; A user function that may end the frame with return keeps every store
; before its call: the first sstore is visible when @finish returns data.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define void @finish(i256 %x) {
entry:
  %c = icmp eq i256 %x, 0
  br i1 %c, label %done, label %back
done:
  call void @evm.return(i256 0, i256 0)
  unreachable
back:
  ret void
}

define void @main() {
entry:
  %x = call i256 @evm.calldataload(i256 0)
  call void @evm.sstore(i256 0, i256 1)
  call void @finish(i256 %x)
  call void @evm.sstore(i256 0, i256 2)
  ret void
}
