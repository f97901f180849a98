; expect: 55 10
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define void @main() {
entry:
  br label %cond
cond:
  %i = phi i256 [ 0, %entry ], [ %i1, %body ]
  %s = phi i256 [ 0, %entry ], [ %s1, %body ]
  %c = icmp ult i256 %i, 10
  br i1 %c, label %body, label %exit
body:
  %i1 = add i256 %i, 1
  %s1 = add i256 %s, %i1
  br label %cond
exit:
  call void @evm.mstore(i256 0, i256 %s)
  call void @evm.mstore(i256 32, i256 %i)
  call void @evm.return(i256 0, i256 64)
  unreachable
}
