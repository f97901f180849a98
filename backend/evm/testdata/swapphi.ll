; expect: 8 5
; phis that swap each other's values: the parallel copy must read both
; before writing either.
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define void @main() {
entry:
  br label %loop
loop:
  %a = phi i256 [ 5, %entry ], [ %b, %loop ]
  %b = phi i256 [ 8, %entry ], [ %a, %loop ]
  %n = phi i256 [ 0, %entry ], [ %n1, %loop ]
  %n1 = add i256 %n, 1
  %c = icmp ult i256 %n1, 4
  br i1 %c, label %loop, label %exit
exit:
  call void @evm.mstore(i256 0, i256 %a)
  call void @evm.mstore(i256 32, i256 %b)
  call void @evm.return(i256 0, i256 64)
  unreachable
}
