; The shape of a Yul contract before optimization: a dispatcher in main,
; helper functions over allocas, checked arithmetic that reverts, storage
; read twice. -O2 inlines the helpers, promotes the locals, folds the
; constant selector mask and merges the repeated reads.
declare i256 @evm.calldataload(i256)
declare i256 @evm.calldatasize()
declare i256 @evm.caller()
declare i256 @evm.callvalue()
declare i256 @evm.sload(i256)
declare void @evm.sstore(i256, i256)
declare void @evm.mstore(i256, i256)
declare i256 @evm.shr(i256, i256)
declare void @evm.return(i256, i256) noreturn
declare void @evm.revert(i256, i256) noreturn

define i256 @selector() {
entry:
  %r = alloca i256
  %w = call i256 @evm.calldataload(i256 0)
  %s = call i256 @evm.shr(i256 224, i256 %w)
  store i256 %s, i256* %r
  %v = load i256, i256* %r
  ret i256 %v
}

define i256 @checked_add(i256 %x, i256 %y) {
entry:
  %sum = alloca i256
  %s = add i256 %x, %y
  store i256 %s, i256* %sum
  %s0 = load i256, i256* %sum
  %o = icmp ugt i256 %x, %s0
  %oz = zext i1 %o to i256
  %t = icmp ne i256 %oz, 0
  br i1 %t, label %panic, label %ok
panic:
  call void @evm.mstore(i256 0, i256 17)
  call void @evm.revert(i256 0, i256 36)
  unreachable
ok:
  %s1 = load i256, i256* %sum
  ret i256 %s1
}

define void @fun_mint(i256 %amount) {
entry:
  %bal = alloca i256
  %who = call i256 @evm.caller()
  %b0 = call i256 @evm.sload(i256 %who)
  store i256 %b0, i256* %bal
  %b1 = load i256, i256* %bal
  %n = call i256 @checked_add(i256 %b1, i256 %amount)
  call void @evm.sstore(i256 %who, i256 %n)
  %t0 = call i256 @evm.sload(i256 0)
  %t1 = call i256 @checked_add(i256 %t0, i256 %amount)
  call void @evm.sstore(i256 0, i256 %t1)
  ret void
}

define void @main() {
entry:
  %v = call i256 @evm.callvalue()
  %nz = icmp ne i256 %v, 0
  br i1 %nz, label %nopay, label %dispatch
nopay:
  call void @evm.revert(i256 0, i256 0)
  unreachable
dispatch:
  %size = call i256 @evm.calldatasize()
  %short = icmp ult i256 %size, 4
  br i1 %short, label %fallback, label %sel
sel:
  %s = call i256 @selector()
  switch i256 %s, label %fallback [ i256 2693361294, label %mint ]
mint:
  %amt = call i256 @evm.calldataload(i256 4)
  call void @fun_mint(i256 %amt)
  %who = call i256 @evm.caller()
  %bal = call i256 @evm.sload(i256 %who)
  call void @evm.mstore(i256 0, i256 %bal)
  call void @evm.return(i256 0, i256 32)
  unreachable
fallback:
  call void @evm.revert(i256 0, i256 0)
  unreachable
}
