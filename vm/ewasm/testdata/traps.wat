;; Failures (ewasm.md §1.5), selected by the first call data byte:
;; 0 unreachable, 1 i32.div_u by zero, 2 load out of bounds, 3 finish of a
;; range outside memory, 4 useGas(-1), 5 useGas(2^62), 6 callDataCopy past
;; the end of the call data, 7 selfDestruct to the address in bytes 1..20.
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "useGas" (func $useGas (param i64)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (import "ethereum" "selfDestruct" (func $selfDestruct (param i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $copy (i32.const 0) (i32.const 0) (call $size))
    (block $7 (block $6 (block $5 (block $4 (block $3 (block $2 (block $1 (block $0
      (br_table $0 $1 $2 $3 $4 $5 $6 $7 (i32.load8_u (i32.const 0))))
      unreachable)
      (drop (i32.div_u (i32.const 1) (i32.load8_u (i32.const 100)))) (return))
      (drop (i32.load (i32.const 65534))) (return))
      (call $finish (i32.const 65530) (i32.const 100)))
      (call $useGas (i64.const -1)))
      (call $useGas (i64.const 0x4000000000000000)))
      (call $copy (i32.const 0) (call $size) (i32.const 1)))
    (call $selfDestruct (i32.const 1))))
