;; Invalid: imports from module env (ewasm.md §1.3).
(module
  (import "env" "__multi3" (func $mul (param i32 i64 i64 i64 i64)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")))
