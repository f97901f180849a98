; A condition a dominating branch decided is a constant where that branch's
; edge alone leads: the same value, a compare of the same operands with the
; same or the inverse predicate. A block also reached another way learns
; nothing.
declare i256 @evm.calldatasize()
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare void @evm.revert(i256, i256)

define void @main() {
entry:
  %cds = call i256 @evm.calldatasize()
  %ge = icmp uge i256 %cds, 4
  br i1 %ge, label %body, label %short

body:
  ; the inverse compare: false here
  %lt = icmp ult i256 %cds, 4
  br i1 %lt, label %rev, label %cont

rev:
  call void @evm.revert(i256 0, i256 0)
  unreachable

cont:
  ; the same compare, a new instruction: true
  %again = icmp uge i256 %cds, 4
  %z = zext i1 %again to i256
  call void @evm.sstore(i256 0, i256 %z)
  ; the same value: true
  br i1 %ge, label %a, label %b

a:
  call void @evm.sstore(i256 1, i256 1)
  br label %join

b:
  call void @evm.sstore(i256 1, i256 2)
  br label %join

short:
  ; false here
  %ge2 = icmp uge i256 %cds, 4
  %z2 = zext i1 %ge2 to i256
  call void @evm.sstore(i256 2, i256 %z2)
  br label %join

join:
  ; reached from both sides: unknown
  %ge3 = icmp uge i256 %cds, 4
  %z3 = zext i1 %ge3 to i256
  call void @evm.sstore(i256 3, i256 %z3)
  %x = call i256 @evm.sload(i256 9)
  %c = icmp eq i256 %x, 7
  br i1 %c, label %seven, label %other

seven:
  ; x == 7 decided; x != 7 is its inverse
  %ne = icmp ne i256 %x, 7
  %zn = zext i1 %ne to i256
  call void @evm.sstore(i256 4, i256 %zn)
  ret void

other:
  ret void
}
