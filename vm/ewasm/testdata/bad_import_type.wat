;; Invalid: imports ethereum.finish with a wrong type (ewasm.md §1.3).
(module
  (import "ethereum" "finish" (func $finish (param i32 i64)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")))
