; object "object"
source_filename = "functions.yul"

define void @main() {
entry:
	%p = alloca i256
	%q = alloca i256
	%0 = call i256 @later()
	%1 = call i256 @one(i256 3)
	%2 = call { i256, i256 } @two(i256 %1, i256 %0)
	%3 = extractvalue { i256, i256 } %2, 0
	%4 = extractvalue { i256, i256 } %2, 1
	store i256 %3, i256* %p
	store i256 %4, i256* %q
	call void @none()
	%5 = load i256, i256* %q
	%6 = call i256 @fact(i256 %5)
	%7 = load i256, i256* %p
	call void @evm.sstore(i256 %7, i256 %6)
	%8 = call i256 @f.1()
	call void @evm.sstore(i256 %8, i256 0)
	%9 = call i256 @g()
	%10 = call i256 @f.2()
	call void @evm.sstore(i256 %10, i256 %9)
	call void @u.main()
	call void @evm.stop()
	unreachable
}

define void @none() {
entry:
	call void @evm.sstore(i256 0, i256 1)
	ret void
}

define i256 @one(i256 %a) {
entry:
	%a.addr = alloca i256
	%r = alloca i256
	store i256 %a, i256* %a.addr
	store i256 0, i256* %r
	%0 = load i256, i256* %a.addr
	%1 = add i256 %0, 1
	store i256 %1, i256* %r
	%2 = load i256, i256* %r
	ret i256 %2
}

define { i256, i256 } @two(i256 %a, i256 %b) {
entry:
	%a.addr = alloca i256
	%b.addr = alloca i256
	%x = alloca i256
	%y = alloca i256
	store i256 %a, i256* %a.addr
	store i256 %b, i256* %b.addr
	store i256 0, i256* %x
	store i256 0, i256* %y
	%0 = load i256, i256* %b.addr
	store i256 %0, i256* %x
	%1 = load i256, i256* %a.addr
	%2 = icmp ne i256 %1, 0
	br i1 %2, label %if.then.1, label %if.end.1

if.then.1:
	br label %return

if.end.1:
	%3 = load i256, i256* %a.addr
	store i256 %3, i256* %y
	br label %return

return:
	%4 = load i256, i256* %x
	%5 = insertvalue { i256, i256 } undef, i256 %4, 0
	%6 = load i256, i256* %y
	%7 = insertvalue { i256, i256 } %5, i256 %6, 1
	ret { i256, i256 } %7
}

define i256 @fact(i256 %n) {
entry:
	%n.addr = alloca i256
	%r = alloca i256
	store i256 %n, i256* %n.addr
	store i256 0, i256* %r
	store i256 1, i256* %r
	%0 = load i256, i256* %n.addr
	%1 = icmp ugt i256 %0, 1
	br i1 %1, label %if.then.1, label %if.end.1

if.then.1:
	%2 = load i256, i256* %n.addr
	%3 = sub i256 %2, 1
	%4 = call i256 @fact(i256 %3)
	%5 = load i256, i256* %n.addr
	%6 = mul i256 %5, %4
	store i256 %6, i256* %r
	br label %if.end.1

if.end.1:
	%7 = load i256, i256* %r
	ret i256 %7
}

define i256 @later() {
entry:
	%r = alloca i256
	store i256 0, i256* %r
	store i256 7, i256* %r
	%0 = load i256, i256* %r
	ret i256 %0
}

define void @u.main() {
entry:
	ret void
}

define i256 @afterStop() {
entry:
	%r = alloca i256
	store i256 0, i256* %r
	store i256 5, i256* %r
	%0 = load i256, i256* %r
	ret i256 %0
}

declare void @evm.sstore(i256 %0, i256 %1)

define i256 @f.1() {
entry:
	%r = alloca i256
	store i256 0, i256* %r
	store i256 1, i256* %r
	%0 = load i256, i256* %r
	ret i256 %0
}

define i256 @f.2() {
entry:
	%r = alloca i256
	store i256 0, i256* %r
	store i256 2, i256* %r
	%0 = load i256, i256* %r
	ret i256 %0
}

define i256 @g() {
entry:
	%r = alloca i256
	store i256 0, i256* %r
	%0 = call i256 @h()
	store i256 %0, i256* %r
	%1 = load i256, i256* %r
	ret i256 %1
}

define i256 @h() {
entry:
	%s = alloca i256
	store i256 0, i256* %s
	%0 = call i256 @f.2()
	store i256 %0, i256* %s
	%1 = load i256, i256* %s
	ret i256 %1
}

declare void @evm.stop() noreturn
