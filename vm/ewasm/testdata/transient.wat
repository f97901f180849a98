;; Transient storage (ethereum_ext, EIP-1153): call data = 0 ‖ 32-byte value
;; stores the value at key 0 and returns what key 0 then holds; call data
;; = 1 returns key 0.
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (import "ethereum_ext" "transientStorageStore" (func $tstore (param i32 i32)))
  (import "ethereum_ext" "transientStorageLoad" (func $tload (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (if (i32.eqz (i32.load8_u (i32.const 0)))
      (then (call $tstore (i32.const 100) (i32.const 1))))
    (call $tload (i32.const 100) (i32.const 200))
    (call $finish (i32.const 200) (i32.const 32))))
