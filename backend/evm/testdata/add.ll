; expect: 3
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define void @main() {
entry:
  %x = add i256 1, 2
  call void @evm.mstore(i256 0, i256 %x)
  call void @evm.return(i256 0, i256 32)
  unreachable
}
