;; Calls another contract: call data = kind (1 byte: 0 call, 1 callCode,
;; 2 callDelegate, 3 callStatic) ‖ target (20 bytes) ‖ value (u128 LE, 16
;; bytes) ‖ input. Finishes with the status (i32 LE) ‖ the return data.
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "getGasLeft" (func $gasLeft (result i64)))
  (import "ethereum" "call" (func $call (param i64 i32 i32 i32 i32) (result i32)))
  (import "ethereum" "callCode" (func $callCode (param i64 i32 i32 i32 i32) (result i32)))
  (import "ethereum" "callDelegate" (func $callDelegate (param i64 i32 i32 i32) (result i32)))
  (import "ethereum" "callStatic" (func $callStatic (param i64 i32 i32 i32) (result i32)))
  (import "ethereum" "getReturnDataSize" (func $rdSize (result i32)))
  (import "ethereum" "returnDataCopy" (func $rdCopy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (local $len i32) (local $kind i32) (local $status i32) (local $rd i32)
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (local.set $kind (i32.load8_u (i32.const 0)))
    (local.set $len (i32.sub (call $size) (i32.const 37)))
    (block $done
      (block $static
        (block $delegate
          (block $code
            (block $plain
              (br_table $plain $code $delegate $static (local.get $kind)))
            (local.set $status (call $call (call $gasLeft) (i32.const 1) (i32.const 21) (i32.const 37) (local.get $len)))
            (br $done))
          (local.set $status (call $callCode (call $gasLeft) (i32.const 1) (i32.const 21) (i32.const 37) (local.get $len)))
          (br $done))
        (local.set $status (call $callDelegate (call $gasLeft) (i32.const 1) (i32.const 37) (local.get $len)))
        (br $done))
      (local.set $status (call $callStatic (call $gasLeft) (i32.const 1) (i32.const 37) (local.get $len))))
    (i32.store (i32.const 32768) (local.get $status))
    (local.set $rd (call $rdSize))
    (call $rdCopy (i32.const 32772) (i32.const 0) (local.get $rd))
    (call $finish (i32.const 32768) (i32.add (i32.const 4) (local.get $rd)))))
