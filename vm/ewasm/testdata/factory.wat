;; Creates a contract: call data = kind (1 byte: 0 create, 1 create2) ‖
;; value (u128 LE, 16 bytes) ‖ salt (32 bytes) ‖ init code. Finishes with
;; status (i32 LE) ‖ address (20 bytes, zero unless created) ‖ return data.
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "create" (func $create (param i32 i32 i32 i32) (result i32)))
  (import "ethereum_ext" "create2" (func $create2 (param i32 i32 i32 i32 i32) (result i32)))
  (import "ethereum" "getReturnDataSize" (func $rdSize (result i32)))
  (import "ethereum" "returnDataCopy" (func $rdCopy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (local $len i32) (local $rd i32)
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (local.set $len (i32.sub (call $size) (i32.const 49)))
    (i32.store (i32.const 40000)
      (if (result i32) (i32.load8_u (i32.const 0))
        (then (call $create2 (i32.const 1) (i32.const 49) (local.get $len) (i32.const 17) (i32.const 40004)))
        (else (call $create (i32.const 1) (i32.const 49) (local.get $len) (i32.const 40004)))))
    (local.set $rd (call $rdSize))
    (call $rdCopy (i32.const 40024) (i32.const 0) (local.get $rd))
    (call $finish (i32.const 40000) (i32.add (i32.const 24) (local.get $rd)))))
