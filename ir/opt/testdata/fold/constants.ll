; Constant folding with EVM semantics. Every sstore's value is a constant
; after the pass; the comment gives the EVM result.
declare void @evm.sstore(i256, i256)
declare i256 @evm.div(i256, i256)
declare i256 @evm.sdiv(i256, i256)
declare i256 @evm.mod(i256, i256)
declare i256 @evm.smod(i256, i256)
declare i256 @evm.exp(i256, i256)
declare i256 @evm.addmod(i256, i256, i256)
declare i256 @evm.mulmod(i256, i256, i256)
declare i256 @evm.signextend(i256, i256)
declare i256 @evm.byte(i256, i256)
declare i256 @evm.shl(i256, i256)
declare i256 @evm.shr(i256, i256)
declare i256 @evm.sar(i256, i256)

define void @main() {
entry:
  ; div(7, 0) = 0
  %d0 = call i256 @evm.div(i256 7, i256 0)
  call void @evm.sstore(i256 1, i256 %d0)
  ; div(7, 2) = 3
  %d1 = call i256 @evm.div(i256 7, i256 2)
  call void @evm.sstore(i256 2, i256 %d1)
  ; sdiv(-8, 3) = -2
  %d2 = call i256 @evm.sdiv(i256 -8, i256 3)
  call void @evm.sstore(i256 3, i256 %d2)
  ; smod(-8, 3) = -2
  %d3 = call i256 @evm.smod(i256 -8, i256 3)
  call void @evm.sstore(i256 4, i256 %d3)
  ; mod(7, 0) = 0
  %d4 = call i256 @evm.mod(i256 7, i256 0)
  call void @evm.sstore(i256 5, i256 %d4)
  ; exp(2, 255) = 2^255 (printed as -2^255)
  %e0 = call i256 @evm.exp(i256 2, i256 255)
  call void @evm.sstore(i256 6, i256 %e0)
  ; exp(3, 3) = 27
  %e1 = call i256 @evm.exp(i256 3, i256 3)
  call void @evm.sstore(i256 7, i256 %e1)
  ; addmod(-1, 2, 10) = (2^256 + 1) mod 10 = 7
  %m0 = call i256 @evm.addmod(i256 -1, i256 2, i256 10)
  call void @evm.sstore(i256 8, i256 %m0)
  ; mulmod(5, 6, 0) = 0
  %m1 = call i256 @evm.mulmod(i256 5, i256 6, i256 0)
  call void @evm.sstore(i256 9, i256 %m1)
  ; signextend(0, 0xff) = -1
  %s0 = call i256 @evm.signextend(i256 0, i256 255)
  call void @evm.sstore(i256 10, i256 %s0)
  ; signextend(0, 0x7f) = 0x7f
  %s1 = call i256 @evm.signextend(i256 0, i256 127)
  call void @evm.sstore(i256 11, i256 %s1)
  ; byte(31, 0x1234) = 0x34
  %b0 = call i256 @evm.byte(i256 31, i256 4660)
  call void @evm.sstore(i256 12, i256 %b0)
  ; byte(32, 0x1234) = 0
  %b1 = call i256 @evm.byte(i256 32, i256 4660)
  call void @evm.sstore(i256 13, i256 %b1)
  ; shl(256, 1) = 0
  %h0 = call i256 @evm.shl(i256 256, i256 1)
  call void @evm.sstore(i256 14, i256 %h0)
  ; shl(4, 1) = 16
  %h1 = call i256 @evm.shl(i256 4, i256 1)
  call void @evm.sstore(i256 15, i256 %h1)
  ; shr(1, -1) = 2^255 - 1
  %h2 = call i256 @evm.shr(i256 1, i256 -1)
  call void @evm.sstore(i256 16, i256 %h2)
  ; sar(300, -16) = -1
  %h3 = call i256 @evm.sar(i256 300, i256 -16)
  call void @evm.sstore(i256 17, i256 %h3)
  ; sar(2, -16) = -4
  %h4 = call i256 @evm.sar(i256 2, i256 -16)
  call void @evm.sstore(i256 18, i256 %h4)
  ; sub(0, 1) wraps to -1; mul wraps
  %a0 = sub i256 0, 1
  call void @evm.sstore(i256 19, i256 %a0)
  %a1 = mul i256 %a0, %a0
  call void @evm.sstore(i256 20, i256 %a1)
  ; slt(-1, 0) = 1, lt(-1, 0) = 0
  %c0 = icmp slt i256 -1, 0
  %z0 = zext i1 %c0 to i256
  call void @evm.sstore(i256 21, i256 %z0)
  %c1 = icmp ult i256 -1, 0
  %z1 = zext i1 %c1 to i256
  call void @evm.sstore(i256 22, i256 %z1)
  ; a chain: (7 / 2) * 3 + 1 = 10
  %k0 = mul i256 %d1, 3
  %k1 = add i256 %k0, 1
  call void @evm.sstore(i256 23, i256 %k1)
  ret void
}
