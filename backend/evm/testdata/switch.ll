; expect: 20 30 99
declare void @evm.mstore(i256, i256)
declare void @evm.return(i256, i256) noreturn

define i256 @pick(i256 %x) {
entry:
  switch i256 %x, label %def [ i256 1, label %one
                               i256 2, label %two ]
one:
  br label %done
two:
  br label %done
def:
  br label %done
done:
  %r = phi i256 [ 20, %one ], [ 30, %two ], [ 99, %def ]
  ret i256 %r
}

define void @main() {
entry:
  %a = call i256 @pick(i256 1)
  %b = call i256 @pick(i256 2)
  %c = call i256 @pick(i256 7)
  call void @evm.mstore(i256 0, i256 %a)
  call void @evm.mstore(i256 32, i256 %b)
  call void @evm.mstore(i256 64, i256 %c)
  call void @evm.return(i256 0, i256 96)
  unreachable
}
