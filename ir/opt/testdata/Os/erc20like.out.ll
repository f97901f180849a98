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
	%3 = call i256 @evm.caller()
	%4 = call i256 @evm.sload(i256 %3)
	%5 = add i256 %4, %amt
	%6 = icmp ugt i256 %4, %5
	br i1 %6, label %7, label %8

7:
	call void @evm.mstore(i256 0, i256 17)
	call void @evm.revert(i256 0, i256 36)
	unreachable

8:
	call void @evm.sstore(i256 %3, i256 %5)
	%9 = call i256 @evm.sload(i256 0)
	%10 = add i256 %9, %amt
	%11 = icmp ugt i256 %9, %10
	br i1 %11, label %7, label %12

12:
	call void @evm.sstore(i256 0, i256 %10)
	%bal = call i256 @evm.sload(i256 %3)
	call void @evm.mstore(i256 0, i256 %bal)
	call void @evm.return(i256 0, i256 32)
	unreachable
}
