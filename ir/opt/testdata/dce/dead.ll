; Unused pure values, unused removable intrinsics (sload, mload, caller),
; a dead phi cycle and a call to a pure user function disappear; effectful
; calls, calls to functions that may revert or loop, and returndatacopy
; (MayFail) stay.
declare i256 @evm.sload(i256)
declare i256 @evm.mload(i256)
declare i256 @evm.caller()
declare void @evm.sstore(i256, i256)
declare void @evm.revert(i256, i256) noreturn
declare void @evm.returndatacopy(i256, i256, i256)

define i256 @pure(i256 %a) {
entry:
  %c = icmp ult i256 %a, 10
  br i1 %c, label %t, label %f
t:
  %r = add i256 %a, 1
  ret i256 %r
f:
  %s = call i256 @evm.sload(i256 %a)
  ret i256 %s
}

define i256 @mayrevert(i256 %a) {
entry:
  %c = icmp ult i256 %a, 10
  br i1 %c, label %t, label %f
t:
  ret i256 %a
f:
  call void @evm.revert(i256 0, i256 0)
  unreachable
}

define i256 @loops(i256 %a) {
entry:
  br label %l
l:
  %i = phi i256 [ %a, %entry ], [ %j, %l ]
  %j = add i256 %i, 1
  %c = icmp eq i256 %j, 0
  br i1 %c, label %x, label %l
x:
  ret i256 %j
}

define void @main() {
entry:
  %a = add i256 1, 2
  %b = call i256 @evm.sload(i256 %a)
  %m = call i256 @evm.mload(i256 0)
  %w = call i256 @evm.caller()
  %p = call i256 @pure(i256 %w)
  %q = call i256 @mayrevert(i256 %w)
  %r = call i256 @loops(i256 %w)
  call void @evm.returndatacopy(i256 0, i256 0, i256 32)
  br label %l
l:
  %i = phi i256 [ 0, %entry ], [ %i2, %l ]
  %i2 = add i256 %i, 1
  %c = icmp eq i256 %w, 0
  br i1 %c, label %done, label %l
done:
  call void @evm.sstore(i256 0, i256 1)
  ret void
}
