;; Logs: call data = n (1 byte) ‖ n topics of 32 bytes ‖ data. Emits one
;; log with n topics (n > 4 is a validation failure, ewasm.md §2.3).
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "log" (func $log (param i32 i32 i32 i32 i32 i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (local $n i32) (local $data i32)
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (local.set $n (i32.load8_u (i32.const 0)))
    (local.set $data (i32.add (i32.const 1) (i32.mul (local.get $n) (i32.const 32))))
    (call $log (local.get $data) (i32.sub (call $size) (local.get $data)) (local.get $n)
      (i32.const 1) (i32.const 33) (i32.const 65) (i32.const 97))))
