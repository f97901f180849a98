; sstore to the same slot twice: the first dies unless something may read
; storage in between; memory stores die when a later store covers them.
declare i256 @evm.calldataload(i256)
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare void @evm.mstore(i256, i256)
declare void @evm.mstore8(i256, i256)
declare i256 @evm.keccak256(i256, i256)
declare void @evm.return(i256, i256) noreturn

define void @main() {
entry:
  %k = call i256 @evm.calldataload(i256 0)
  ; dead: overwritten
  call void @evm.sstore(i256 0, i256 1)
  call void @evm.sstore(i256 0, i256 2)
  ; kept: sload of an unknown slot may read slot 1
  call void @evm.sstore(i256 1, i256 1)
  %s = call i256 @evm.sload(i256 %k)
  call void @evm.sstore(i256 1, i256 %s)
  ; dead: the byte store is inside the later word store
  %b = add i256 %k, 3
  call void @evm.mstore8(i256 %b, i256 255)
  call void @evm.mstore(i256 %k, i256 9)
  ; kept: keccak256 reads memory
  call void @evm.mstore(i256 64, i256 1)
  %h = call i256 @evm.keccak256(i256 64, i256 32)
  call void @evm.mstore(i256 64, i256 %h)
  call void @evm.return(i256 64, i256 32)
  unreachable
}
