;; memory.grow by the first call data byte (pages); returns the old size
;; from memory.grow and the new memory.size, both i32 LE. The instruction
;; path does not depend on the byte, so metered gas differs by exactly 14336
;; per page (ewasm.md §8.2).
(module
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $copy (i32.const 0) (i32.const 0) (i32.const 1))
    (i32.store (i32.const 0) (memory.grow (i32.load8_u (i32.const 0))))
    (i32.store (i32.const 4) (memory.size))
    (call $finish (i32.const 0) (i32.const 8))))
