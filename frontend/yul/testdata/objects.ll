; object "C"
source_filename = "objects.yul"

@str.0 = private constant [10 x i8] c"C_deployed"
@str.1 = private constant [3 x i8] c"imm"

define void @main() {
entry:
	%size = alloca i256
	%0 = call i256 @evm.datasize(i8* bitcast ([10 x i8]* @str.0 to i8*))
	store i256 %0, i256* %size
	%1 = load i256, i256* %size
	%2 = call i256 @evm.dataoffset(i8* bitcast ([10 x i8]* @str.0 to i8*))
	call void @evm.datacopy(i256 0, i256 %2, i256 %1)
	call void @evm.setimmutable(i256 0, i8* bitcast ([3 x i8]* @str.1 to i8*), i256 42)
	%3 = call i256 @evm.memoryguard(i256 128)
	call void @evm.mstore(i256 64, i256 %3)
	%4 = load i256, i256* %size
	call void @evm.return(i256 0, i256 %4)
	unreachable
}

declare i256 @evm.datasize(i8* %0)

declare i256 @evm.dataoffset(i8* %0)

declare void @evm.datacopy(i256 %0, i256 %1, i256 %2)

declare void @evm.setimmutable(i256 %0, i8* %1, i256 %2)

declare i256 @evm.memoryguard(i256 %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare void @evm.return(i256 %0, i256 %1) noreturn
; object "C_deployed"
source_filename = "objects.yul"

@str.0 = private constant [3 x i8] c"imm"
@str.1 = private constant [9 x i8] c"lib.sol:L"
@str.2 = private constant [4 x i8] c"meta"

define void @main() {
entry:
	%0 = call i256 @evm.loadimmutable(i8* bitcast ([3 x i8]* @str.0 to i8*))
	call void @evm.mstore(i256 0, i256 %0)
	%1 = call i256 @evm.linkersymbol(i8* bitcast ([9 x i8]* @str.1 to i8*))
	call void @evm.mstore(i256 32, i256 %1)
	%2 = call i256 @evm.datasize(i8* bitcast ([4 x i8]* @str.2 to i8*))
	call void @evm.pop(i256 %2)
	call void @evm.return(i256 0, i256 64)
	unreachable
}

declare i256 @evm.loadimmutable(i8* %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare i256 @evm.linkersymbol(i8* %0)

declare i256 @evm.datasize(i8* %0)

declare void @evm.pop(i256 %0)

declare void @evm.return(i256 %0, i256 %1) noreturn
; data "meta": a1b2c3
; data "text": 68656c6c6f0a
