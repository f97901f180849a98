; Store-to-load forwarding and load-after-load for memory and storage,
; with disjoint constant offsets from the same base kept apart and an
; unknown address (or a call) clobbering knowledge.
declare i256 @evm.calldataload(i256)
declare i256 @evm.mload(i256)
declare void @evm.mstore(i256, i256)
declare void @evm.mstore8(i256, i256)
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare i256 @evm.call(i256, i256, i256, i256, i256, i256, i256)

define void @main() {
entry:
  %p = call i256 @evm.calldataload(i256 0)
  %v = call i256 @evm.calldataload(i256 32)
  %q = add i256 %p, 32
  call void @evm.mstore(i256 %p, i256 %v)
  call void @evm.mstore(i256 %q, i256 7)
  ; forwarded: %v and 7
  %l1 = call i256 @evm.mload(i256 %p)
  %l2 = call i256 @evm.mload(i256 %q)
  ; overlapping byte store kills the word at %p but not at %q
  %r = add i256 %p, 31
  call void @evm.mstore8(i256 %r, i256 1)
  %l3 = call i256 @evm.mload(i256 %p)
  %l4 = call i256 @evm.mload(i256 %q)
  call void @evm.sstore(i256 0, i256 %l1)
  call void @evm.sstore(i256 1, i256 %l2)
  call void @evm.sstore(i256 2, i256 %l3)
  call void @evm.sstore(i256 3, i256 %l4)
  ; storage: slot 1 known (just stored 7... %l2 forwarded), slot %p unknown
  %s1 = call i256 @evm.sload(i256 1)
  call void @evm.sstore(i256 %p, i256 5)
  %s2 = call i256 @evm.sload(i256 1)
  call void @evm.sstore(i256 4, i256 %s1)
  call void @evm.sstore(i256 5, i256 %s2)
  br label %next
next:
  ; knowledge flows into a block with a single predecessor
  %s3 = call i256 @evm.sload(i256 4)
  %c = call i256 @evm.call(i256 0, i256 0, i256 0, i256 0, i256 0, i256 0, i256 0)
  %s4 = call i256 @evm.sload(i256 4)
  call void @evm.sstore(i256 6, i256 %s3)
  call void @evm.sstore(i256 7, i256 %s4)
  ret void
}
