; Unsigned compares decided by bounds: a small value plus a constant cannot
; wrap. Each sstore's value is a constant after the pass except the last
; (an arbitrary word can wrap).
declare void @evm.sstore(i256, i256)
declare i256 @evm.sload(i256)
declare i256 @evm.memoryguard(i256)
declare i256 @evm.calldatasize()

define void @main() {
entry:
  %m = call i256 @evm.memoryguard(i256 128)
  %p = add i256 %m, 64
  ; allocation overflow check: p < m is false
  %o = icmp ult i256 %p, %m
  %zo = zext i1 %o to i256
  call void @evm.sstore(i256 1, i256 %zo)
  ; and p > 2^64 - 1 is false
  %g = icmp ugt i256 %p, u0xFFFFFFFFFFFFFFFF
  %zg = zext i1 %g to i256
  call void @evm.sstore(i256 2, i256 %zg)
  ; m <= m + 64 is true (operands the other way round)
  %le = icmp ule i256 %m, %p
  %zl = zext i1 %le to i256
  call void @evm.sstore(i256 3, i256 %zl)
  ; calldatasize() + 4 >= 4 is true
  %c = call i256 @evm.calldatasize()
  %c4 = add i256 %c, 4
  %ge = icmp uge i256 %c4, 4
  %zge = zext i1 %ge to i256
  call void @evm.sstore(i256 4, i256 %zge)
  ; an arbitrary word plus 64 may wrap: kept
  %x = call i256 @evm.sload(i256 0)
  %x64 = add i256 %x, 64
  %w = icmp ult i256 %x64, %x
  %zw = zext i1 %w to i256
  call void @evm.sstore(i256 5, i256 %zw)
  ret void
}
