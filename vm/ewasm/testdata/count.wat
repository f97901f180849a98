;; Metering arithmetic (ewasm.md §8.2): returns, as i64 LE, the gas used
;; between two getGasLeft calls around a 10-iteration loop. Metered: the
;; loop body segment (8 instructions) × 10, the loop's end (1), the final
;; segment (9) and getGasLeft's own 2 = 92; unmetered: 2.
(module
  (import "ethereum" "getGasLeft" (func $gas (result i64)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (local $i i32) (local $g i64)
    (local.set $g (call $gas))
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
    (i64.store (i32.const 0) (i64.sub (local.get $g) (call $gas)))
    (call $finish (i32.const 0) (i32.const 8))))
