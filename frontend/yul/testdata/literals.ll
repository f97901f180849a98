; object "object"
source_filename = "literals.yul"

define void @main() {
entry:
	%a = alloca i256
	%b = alloca i256
	%c = alloca i256
	%d = alloca i256
	%e = alloca i256
	%f = alloca i256
	%g = alloca i256
	%h = alloca i256
	%i = alloca i256
	%j = alloca i256
	%k = alloca i256
	%l = alloca i256
	%m = alloca i256
	%n = alloca i256
	store i256 0, i256* %a
	store i256 1234567890, i256* %b
	store i256 255, i256* %c
	store i256 u0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, i256* %d
	store i256 u0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, i256* %e
	store i256 1, i256* %f
	store i256 0, i256* %g
	store i256 44048180597813453602326562734351324025098966208897425494240603688123167145984, i256* %h
	store i256 4546162097303764638267181775491924379549849030003570020426132804895774867456, i256* %i
	store i256 u0x102000000000000000000000000000000000000000000000000000000000000, i256* %j
	store i256 0, i256* %k
	store i256 0, i256* %l
	store i256 0, i256* %m
	store i256 0, i256* %n
	%0 = load i256, i256* %n
	%1 = load i256, i256* %m
	%2 = add i256 %1, %0
	%3 = load i256, i256* %l
	%4 = add i256 %3, %2
	%5 = load i256, i256* %k
	%6 = add i256 %5, %4
	%7 = load i256, i256* %j
	%8 = add i256 %7, %6
	%9 = load i256, i256* %i
	%10 = add i256 %9, %8
	%11 = load i256, i256* %h
	%12 = add i256 %11, %10
	%13 = load i256, i256* %g
	%14 = add i256 %13, %12
	%15 = load i256, i256* %f
	%16 = add i256 %15, %14
	%17 = load i256, i256* %e
	%18 = add i256 %17, %16
	%19 = load i256, i256* %d
	%20 = add i256 %19, %18
	%21 = load i256, i256* %c
	%22 = add i256 %21, %20
	%23 = load i256, i256* %b
	%24 = add i256 %23, %22
	%25 = load i256, i256* %a
	call void @evm.sstore(i256 %25, i256 %24)
	ret void
}

declare void @evm.sstore(i256 %0, i256 %1)
