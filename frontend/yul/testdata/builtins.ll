; object "object"
source_filename = "builtins.yul"

@str.0 = private constant [5 x i8] c"`\01`\02\0A"
@str.1 = private constant [1 x i8] c"["

define void @main() {
entry:
	%a = alloca i256
	%b = alloca i256
	%c = alloca i256
	%ok = alloca i256
	%r1 = alloca i256
	%r2 = alloca i256
	%0 = call i256 @evm.calldataload(i256 0)
	store i256 %0, i256* %a
	%1 = call i256 @evm.calldataload(i256 32)
	store i256 %1, i256* %b
	%2 = call i256 @evm.calldataload(i256 64)
	store i256 %2, i256* %c
	%3 = load i256, i256* %b
	%4 = load i256, i256* %a
	%5 = add i256 %4, %3
	call void @evm.mstore(i256 0, i256 %5)
	%6 = load i256, i256* %b
	%7 = load i256, i256* %a
	%8 = sub i256 %7, %6
	call void @evm.mstore(i256 0, i256 %8)
	%9 = load i256, i256* %b
	%10 = load i256, i256* %a
	%11 = mul i256 %10, %9
	call void @evm.mstore(i256 0, i256 %11)
	%12 = load i256, i256* %b
	%13 = load i256, i256* %a
	%14 = and i256 %13, %12
	call void @evm.mstore(i256 0, i256 %14)
	%15 = load i256, i256* %b
	%16 = load i256, i256* %a
	%17 = or i256 %16, %15
	call void @evm.mstore(i256 0, i256 %17)
	%18 = load i256, i256* %b
	%19 = load i256, i256* %a
	%20 = xor i256 %19, %18
	call void @evm.mstore(i256 0, i256 %20)
	%21 = load i256, i256* %a
	%22 = xor i256 %21, -1
	call void @evm.mstore(i256 0, i256 %22)
	%23 = load i256, i256* %b
	%24 = load i256, i256* %a
	%25 = icmp ult i256 %24, %23
	%26 = zext i1 %25 to i256
	call void @evm.mstore(i256 0, i256 %26)
	%27 = load i256, i256* %b
	%28 = load i256, i256* %a
	%29 = icmp ugt i256 %28, %27
	%30 = zext i1 %29 to i256
	call void @evm.mstore(i256 0, i256 %30)
	%31 = load i256, i256* %b
	%32 = load i256, i256* %a
	%33 = icmp slt i256 %32, %31
	%34 = zext i1 %33 to i256
	call void @evm.mstore(i256 0, i256 %34)
	%35 = load i256, i256* %b
	%36 = load i256, i256* %a
	%37 = icmp sgt i256 %36, %35
	%38 = zext i1 %37 to i256
	call void @evm.mstore(i256 0, i256 %38)
	%39 = load i256, i256* %b
	%40 = load i256, i256* %a
	%41 = icmp eq i256 %40, %39
	%42 = zext i1 %41 to i256
	call void @evm.mstore(i256 0, i256 %42)
	%43 = load i256, i256* %a
	%44 = icmp eq i256 %43, 0
	%45 = zext i1 %44 to i256
	call void @evm.mstore(i256 0, i256 %45)
	%46 = load i256, i256* %b
	%47 = load i256, i256* %a
	%48 = call i256 @evm.div(i256 %47, i256 %46)
	call void @evm.mstore(i256 0, i256 %48)
	%49 = load i256, i256* %b
	%50 = load i256, i256* %a
	%51 = call i256 @evm.sdiv(i256 %50, i256 %49)
	call void @evm.mstore(i256 0, i256 %51)
	%52 = load i256, i256* %b
	%53 = load i256, i256* %a
	%54 = call i256 @evm.mod(i256 %53, i256 %52)
	call void @evm.mstore(i256 0, i256 %54)
	%55 = load i256, i256* %b
	%56 = load i256, i256* %a
	%57 = call i256 @evm.exp(i256 %56, i256 %55)
	call void @evm.mstore(i256 0, i256 %57)
	%58 = load i256, i256* %c
	%59 = load i256, i256* %b
	%60 = load i256, i256* %a
	%61 = call i256 @evm.addmod(i256 %60, i256 %59, i256 %58)
	call void @evm.mstore(i256 0, i256 %61)
	%62 = load i256, i256* %b
	%63 = load i256, i256* %a
	%64 = call i256 @evm.shl(i256 %63, i256 %62)
	call void @evm.mstore(i256 0, i256 %64)
	%65 = load i256, i256* %b
	%66 = load i256, i256* %a
	%67 = call i256 @evm.keccak256(i256 %66, i256 %65)
	call void @evm.mstore(i256 0, i256 %67)
	%68 = call i256 @evm.callvalue()
	%69 = load i256, i256* %a
	%70 = call i256 @evm.gas()
	%71 = call i256 @evm.call(i256 %70, i256 %69, i256 %68, i256 0, i256 0, i256 0, i256 0)
	store i256 %71, i256* %ok
	%72 = load i256, i256* %c
	%73 = call i256 @evm.tload(i256 %72)
	%74 = load i256, i256* %ok
	call void @evm.sstore(i256 %74, i256 %73)
	%75 = load i256, i256* %c
	call void @evm.tstore(i256 %75, i256 1)
	%76 = load i256, i256* %b
	%77 = load i256, i256* %a
	call void @evm.log2(i256 0, i256 32, i256 %77, i256 %76)
	%78 = load i256, i256* %a
	%79 = call { i256, i256 } @evm.verbatim_1i_2o(i8* bitcast ([5 x i8]* @str.0 to i8*), i256 %78)
	%80 = extractvalue { i256, i256 } %79, 0
	%81 = extractvalue { i256, i256 } %79, 1
	store i256 %80, i256* %r1
	store i256 %81, i256* %r2
	call void @evm.verbatim_0i_0o(i8* bitcast ([1 x i8]* @str.1 to i8*))
	%82 = load i256, i256* %r2
	%83 = load i256, i256* %r1
	call void @evm.sstore(i256 %83, i256 %82)
	%84 = load i256, i256* %a
	%85 = icmp ne i256 %84, 0
	br i1 %85, label %if.then.1, label %if.end.1

if.then.1:
	call void @evm.invalid()
	unreachable

if.end.1:
	%86 = load i256, i256* %b
	%87 = icmp ne i256 %86, 0
	br i1 %87, label %if.then.2, label %if.end.2

if.then.2:
	%88 = load i256, i256* %c
	call void @evm.selfdestruct(i256 %88)
	unreachable

if.end.2:
	%89 = load i256, i256* %c
	%90 = icmp ne i256 %89, 0
	br i1 %90, label %if.then.3, label %if.end.3

if.then.3:
	call void @evm.stop()
	unreachable

if.end.3:
	call void @evm.revert(i256 0, i256 0)
	unreachable
}

declare i256 @evm.calldataload(i256 %0)

declare void @evm.mstore(i256 %0, i256 %1)

declare i256 @evm.div(i256 %0, i256 %1)

declare i256 @evm.sdiv(i256 %0, i256 %1)

declare i256 @evm.mod(i256 %0, i256 %1)

declare i256 @evm.exp(i256 %0, i256 %1)

declare i256 @evm.addmod(i256 %0, i256 %1, i256 %2)

declare i256 @evm.shl(i256 %0, i256 %1)

declare i256 @evm.keccak256(i256 %0, i256 %1)

declare i256 @evm.callvalue()

declare i256 @evm.gas()

declare i256 @evm.call(i256 %0, i256 %1, i256 %2, i256 %3, i256 %4, i256 %5, i256 %6)

declare i256 @evm.tload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare void @evm.tstore(i256 %0, i256 %1)

declare void @evm.log2(i256 %0, i256 %1, i256 %2, i256 %3)

declare { i256, i256 } @evm.verbatim_1i_2o(i8* %0, i256 %1)

declare void @evm.verbatim_0i_0o(i8* %0)

declare void @evm.invalid() noreturn

declare void @evm.selfdestruct(i256 %0) noreturn

declare void @evm.stop() noreturn

declare void @evm.revert(i256 %0, i256 %1) noreturn
