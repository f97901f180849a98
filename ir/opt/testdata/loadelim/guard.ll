; Addresses below memoryguard's literal never meet those above the guard,
; and a copy of constant length clobbers only its destination.
declare i256 @evm.memoryguard(i256)
declare void @evm.mstore(i256, i256)
declare i256 @evm.mload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.calldatasize()
declare void @evm.calldatacopy(i256, i256, i256)
declare void @evm.mcopy(i256, i256, i256)

define void @main() {
entry:
  %g = call i256 @evm.memoryguard(i256 128)
  call void @evm.mstore(i256 %g, i256 4)
  ; the free memory pointer at 64 ends below the guard
  call void @evm.mstore(i256 64, i256 7)
  %p = add i256 %g, 32
  %n = call i256 @evm.calldatasize()
  ; 32 bytes right after the stored word
  call void @evm.calldatacopy(i256 %p, i256 %n, i256 32)
  ; forwarded: 4
  %a = call i256 @evm.mload(i256 %g)
  call void @evm.sstore(i256 0, i256 %a)
  ; forwarded: 7
  %b = call i256 @evm.mload(i256 64)
  call void @evm.sstore(i256 1, i256 %b)
  ; a copy over the word: reloaded
  call void @evm.mcopy(i256 %g, i256 0, i256 1)
  %c = call i256 @evm.mload(i256 %g)
  call void @evm.sstore(i256 2, i256 %c)
  ; 0x70..0x90 may reach the guard's 128: reloaded
  call void @evm.mstore(i256 112, i256 9)
  %d = call i256 @evm.mload(i256 %g)
  call void @evm.sstore(i256 3, i256 %d)
  ; a copy of unknown length: reloaded
  call void @evm.calldatacopy(i256 %p, i256 0, i256 %n)
  %e = call i256 @evm.mload(i256 64)
  call void @evm.sstore(i256 4, i256 %e)
  ret void
}
