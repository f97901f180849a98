; Address arithmetic and cleanup patterns of solc's IR: constant offsets
; combine, (a + b) - a is b, repeated masks collapse, and a field read back
; from a struct built with insertvalue is the inserted value.
declare i256 @evm.calldataload(i256)
declare void @evm.sstore(i256, i256)

define void @main() {
entry:
  %p = call i256 @evm.calldataload(i256 0)
  %q = call i256 @evm.calldataload(i256 32)
  ; add(add(p, 32), 32) is add(p, 64)
  %a1 = add i256 %p, 32
  %a2 = add i256 %a1, 32
  call void @evm.sstore(i256 1, i256 %a2)
  ; sub(add(p, 32), p) is 32
  %s1 = sub i256 %a1, %p
  call void @evm.sstore(i256 2, i256 %s1)
  ; sub(add(p, 96), 32) is add(p, 64)
  %a3 = add i256 96, %p
  %s2 = sub i256 %a3, 32
  call void @evm.sstore(i256 3, i256 %s2)
  ; add(sub(p, q), q) is p
  %s3 = sub i256 %p, %q
  %a4 = add i256 %s3, %q
  call void @evm.sstore(i256 4, i256 %a4)
  ; and(and(q, 0xffff), 0xffffffff) is the inner and
  %m1 = and i256 %q, 65535
  %m2 = and i256 %m1, 4294967295
  call void @evm.sstore(i256 5, i256 %m2)
  ; and(and(q, 0xff00), 0x0ff0) is and(q, 0x0f00)
  %m3 = and i256 %q, 65280
  %m4 = and i256 4080, %m3
  call void @evm.sstore(i256 6, i256 %m4)
  ; extractvalue of an insertvalue chain
  %t0 = insertvalue { i256, i256 } undef, i256 %p, 0
  %t1 = insertvalue { i256, i256 } %t0, i256 %q, 1
  %e0 = extractvalue { i256, i256 } %t1, 0
  %e1 = extractvalue { i256, i256 } %t1, 1
  call void @evm.sstore(i256 %e0, i256 %e1)
  ; add(add(p, 1), -1) is p
  %b1 = add i256 %p, 1
  %b2 = add i256 %b1, -1
  call void @evm.sstore(i256 7, i256 %b2)
  ret void
}
