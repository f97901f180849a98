declare i256 @evm.calldataload(i256 %0)

declare void @evm.sstore(i256 %0, i256 %1)

define i256 @f(i256 %a) {
entry:
	%c = icmp eq i256 %a, 0
	br i1 %c, label %then, label %else

then:
	br label %join

else:
	br label %join

join:
	%0 = phi i256 [ 1, %then ], [ 2, %else ]
	%r = add i256 %0, 0
	ret i256 %r
}

define void @main() {
entry:
	%sel = call i256 @evm.calldataload(i256 0)
	switch i256 %sel, label %other [
		i256 1, label %done
		i256 2, label %done
	]

other:
	br label %done

done:
	%0 = phi i256 [ 5, %entry ], [ 5, %entry ], [ 7, %other ]
	%r = call i256 @f(i256 %0)
	call void @evm.sstore(i256 0, i256 %r)
	ret void
}
