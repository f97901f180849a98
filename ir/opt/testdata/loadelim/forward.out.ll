declare i256 @evm.calldataload(i256 %0)

declare i256 @evm.mload(i256 %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare void @evm.mstore8(i256 %0, i256 %1)

declare i256 @evm.sload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.call(i256 %0, i256 %1, i256 %2, i256 %3, i256 %4, i256 %5, i256 %6)

define void @main() {
entry:
	%p = call i256 @evm.calldataload(i256 0)
	%v = call i256 @evm.calldataload(i256 32)
	%q = add i256 %p, 32
	call void @evm.mstore(i256 %p, i256 %v)
	call void @evm.mstore(i256 %q, i256 7)
	%r = add i256 %p, 31
	call void @evm.mstore8(i256 %r, i256 1)
	%l3 = call i256 @evm.mload(i256 %p)
	call void @evm.sstore(i256 0, i256 %v)
	call void @evm.sstore(i256 1, i256 7)
	call void @evm.sstore(i256 2, i256 %l3)
	call void @evm.sstore(i256 3, i256 7)
	call void @evm.sstore(i256 %p, i256 5)
	%s2 = call i256 @evm.sload(i256 1)
	call void @evm.sstore(i256 4, i256 7)
	call void @evm.sstore(i256 5, i256 %s2)
	br label %next

next:
	%c = call i256 @evm.call(i256 0, i256 0, i256 0, i256 0, i256 0, i256 0, i256 0)
	%s4 = call i256 @evm.sload(i256 4)
	call void @evm.sstore(i256 6, i256 7)
	call void @evm.sstore(i256 7, i256 %s4)
	ret void
}
