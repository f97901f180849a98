;; ethereum_ext hashes: call data = 0 ‖ data returns keccak256(data);
;; call data = 1 ‖ address (20 bytes) returns getExternalCodeHash(address).
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (import "ethereum_ext" "keccak256" (func $keccak (param i32 i32 i32)))
  (import "ethereum_ext" "getExternalCodeHash" (func $codeHash (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (if (i32.load8_u (i32.const 0))
      (then (call $codeHash (i32.const 1) (i32.const 4096)))
      (else (call $keccak (i32.const 1) (i32.sub (call $size) (i32.const 1)) (i32.const 4096))))
    (call $finish (i32.const 4096) (i32.const 32))))
