; if/else assigning a variable; a variable read before any store reads 0;
; a switch with two cases to the same block gets one phi entry per edge;
; an unreachable block is removed.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define i256 @f(i256 %a) {
entry:
  %x = alloca i256
  %u = alloca i256
  %c = icmp eq i256 %a, 0
  br i1 %c, label %then, label %else
then:
  store i256 1, i256* %x
  br label %join
else:
  store i256 2, i256* %x
  br label %join
join:
  %v = load i256, i256* %x
  %w = load i256, i256* %u
  %r = add i256 %v, %w
  ret i256 %r
dead:
  store i256 3, i256* %x
  br label %join
}

define void @main() {
entry:
  %y = alloca i256
  %sel = call i256 @evm.calldataload(i256 0)
  store i256 5, i256* %y
  switch i256 %sel, label %other [ i256 1, label %done
                                   i256 2, label %done ]
other:
  store i256 7, i256* %y
  br label %done
done:
  %y0 = load i256, i256* %y
  %r = call i256 @f(i256 %y0)
  call void @evm.sstore(i256 0, i256 %r)
  ret void
}
