declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.calldatasize()

declare i256 @evm.caller()

declare i256 @evm.callvalue()

declare i256 @evm.sload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.mstore(i256 %0, i256 %1)

declare i256 @evm.shr(i256 %0, i256 %1)

declare void @evm.return(i256 %0, i256 %1) noreturn

declare void @evm.revert(i256 %0, i256 %1) noreturn

define void @fun_mint(i256 %amount) {
entry:
	%who = call i256 @evm.caller()
	%b0 = call i256 @evm.sload(i256 %who)
	%0 = add i256 %b0, %amount
	%1 = icmp ugt i256 %b0, %0
	br i1 %1, label %2, label %3

2:
	call void @evm.mstore(i256 0, i256 17)
	call void @evm.revert(i256 0, i256 36)
	unreachable

3:
	call void @evm.sstore(i256 %who, i256 %0)
	%t0 = call i256 @evm.sload(i256 0)
	%4 = add i256 %t0, %amount
	%5 = icmp ugt i256 %t0, %4
	br i1 %5, label %2, label %6

6:
	call void @evm.sstore(i256 0, i256 %4)
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
	br i1 %short, label %nopay, label %0

0:
	%1 = call i256 @evm.calldataload(i256 0)
	%2 = call i256 @evm.shr(i256 224, i256 %1)
	switch i256 %2, label %nopay [
		i256 2693361294, label %mint
	]

mint:
	%amt = call i256 @evm.calldataload(i256 4)
	call void @fun_mint(i256 %amt)
	%who = call i256 @evm.caller()
	%bal = call i256 @evm.sload(i256 %who)
	call void @evm.mstore(i256 0, i256 %bal)
	call void @evm.return(i256 0, i256 32)
	unreachable
}
