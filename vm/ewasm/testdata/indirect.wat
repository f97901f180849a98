;; Exercises what the metering injector renumbers or extends (meter.go):
;; a table with an element segment and call_indirect, direct calls to
;; module functions, a global of the module's own, and memory.grow. Returns
;; 8 bytes: f(2) through the table (i32 LE) ‖ the grow result (i32 LE).
(module
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (type $unary (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $double $square)
  (global $calls (mut i32) (i32.const 0))
  (memory 1)
  (export "memory" (memory 0))
  (func $double (type $unary)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.mul (local.get 0) (i32.const 2)))
  (func $square (type $unary)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.mul (local.get 0) (local.get 0)))
  (func (export "main")
    ;; square(double(3)) + table[1](5) + calls = 36 + 25 + 3 = 64
    (i32.store (i32.const 0)
      (i32.add
        (i32.add (call $square (call $double (i32.const 3)))
                 (call_indirect (type $unary) (i32.const 5) (i32.const 1)))
        (global.get $calls)))
    (i32.store (i32.const 4) (memory.grow (i32.const 1)))
    (call $finish (i32.const 0) (i32.const 8))))
