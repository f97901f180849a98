; expect: 7 9
; Cross-jumping (crossJump): the two returns end alike (`mstore(32, 9)
; return(0, 64)`), one jumps into the other's end; the same for the two
; reverts with different codes. The reverts are cold runs (moveColdRuns):
; `c ISZERO PUSH L JUMPI revert L:` becomes `c PUSH R JUMPI L:` with the
; revert moved after the end of the code.
declare void @evm.mstore(i256, i256)
declare i256 @evm.calldatasize()
declare void @evm.return(i256, i256) noreturn
declare void @evm.revert(i256, i256) noreturn

define void @main() {
entry:
  %n = call i256 @evm.calldatasize()
  %big = icmp ugt i256 %n, 1000
  br i1 %big, label %fail1, label %next
fail1:
  call void @evm.mstore(i256 0, i256 1)
  call void @evm.mstore(i256 32, i256 77)
  call void @evm.revert(i256 0, i256 64)
  unreachable
next:
  %odd = icmp eq i256 %n, 3
  br i1 %odd, label %fail2, label %go
fail2:
  call void @evm.mstore(i256 0, i256 2)
  call void @evm.mstore(i256 32, i256 77)
  call void @evm.revert(i256 0, i256 64)
  unreachable
go:
  %c = icmp eq i256 %n, 0
  br i1 %c, label %a, label %b
a:
  call void @evm.mstore(i256 0, i256 7)
  call void @evm.mstore(i256 32, i256 9)
  call void @evm.return(i256 0, i256 64)
  unreachable
b:
  call void @evm.mstore(i256 0, i256 8)
  call void @evm.mstore(i256 32, i256 9)
  call void @evm.return(i256 0, i256 64)
  unreachable
}
