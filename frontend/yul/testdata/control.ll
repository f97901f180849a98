; object "object"
source_filename = "control.yul"

define void @main() {
entry:
	%x = alloca i256
	%i = alloca i256
	%0 = call i256 @evm.calldataload(i256 0)
	store i256 %0, i256* %x
	%1 = load i256, i256* %x
	%2 = icmp eq i256 %1, 0
	br i1 %2, label %if.then.1, label %if.end.1

if.then.1:
	store i256 1, i256* %x
	br label %if.end.1

if.end.1:
	%3 = load i256, i256* %x
	%4 = icmp ne i256 %3, 0
	br i1 %4, label %if.then.2, label %if.end.2

if.then.2:
	%5 = load i256, i256* %x
	call void @evm.sstore(i256 0, i256 %5)
	br label %if.end.2

if.end.2:
	%6 = load i256, i256* %x
	switch i256 %6, label %switch.default.3 [
		i256 0, label %switch.case.3
		i256 u0x6100000000000000000000000000000000000000000000000000000000000000, label %switch.case.3.1
		i256 1, label %switch.case.3.2
		i256 u0xFF00000000000000000000000000000000000000000000000000000000000000, label %switch.case.3.3
	]

switch.case.3:
	call void @evm.sstore(i256 1, i256 0)
	br label %switch.end.3

switch.case.3.1:
	call void @evm.sstore(i256 1, i256 1)
	br label %switch.end.3

switch.case.3.2:
	call void @evm.sstore(i256 1, i256 2)
	br label %switch.end.3

switch.case.3.3:
	call void @evm.sstore(i256 1, i256 3)
	br label %switch.end.3

switch.default.3:
	call void @evm.sstore(i256 1, i256 4)
	br label %switch.end.3

switch.end.3:
	%7 = call i256 @evm.calldatasize()
	switch i256 %7, label %switch.end.4 [
		i256 4, label %switch.case.4
	]

switch.case.4:
	store i256 2, i256* %x
	br label %switch.end.4

switch.end.4:
	%8 = load i256, i256* %x
	store i256 3, i256* %x
	store i256 0, i256* %i
	br label %for.cond.5

for.cond.5:
	%9 = load i256, i256* %x
	%10 = load i256, i256* %i
	%11 = icmp ult i256 %10, %9
	br i1 %11, label %for.body.5, label %for.end.5

for.body.5:
	%12 = load i256, i256* %i
	%13 = icmp eq i256 %12, 2
	br i1 %13, label %if.then.6, label %if.end.6

if.then.6:
	br label %for.post.5

if.end.6:
	br label %for.cond.7

for.cond.7:
	br label %for.body.7

for.body.7:
	%14 = load i256, i256* %i
	%15 = icmp ugt i256 %14, 7
	br i1 %15, label %if.then.8, label %if.end.8

if.then.8:
	br label %for.end.7

if.end.8:
	%16 = load i256, i256* %i
	%17 = add i256 %16, 3
	store i256 %17, i256* %i
	br label %for.post.7

for.post.7:
	br label %for.cond.7

for.end.7:
	%18 = load i256, i256* %i
	%19 = icmp eq i256 %18, 9
	br i1 %19, label %if.then.9, label %if.end.9

if.then.9:
	br label %for.end.5

if.end.9:
	%20 = load i256, i256* %x
	%21 = load i256, i256* %i
	call void @evm.mstore(i256 %21, i256 %20)
	br label %for.post.5

for.post.5:
	%22 = load i256, i256* %i
	%23 = add i256 %22, 1
	store i256 %23, i256* %i
	br label %for.cond.5

for.end.5:
	%24 = load i256, i256* %x
	switch i256 %24, label %switch.default.10 [
		i256 1, label %switch.case.10
	]

switch.case.10:
	call void @evm.revert(i256 0, i256 0)
	unreachable

switch.default.10:
	call void @evm.return(i256 0, i256 0)
	unreachable
}

declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

declare i256 @evm.calldatasize()

declare void @evm.mstore(i256 %0, i256 %1)

declare void @evm.revert(i256 %0, i256 %1) noreturn

declare void @evm.return(i256 %0, i256 %1) noreturn
