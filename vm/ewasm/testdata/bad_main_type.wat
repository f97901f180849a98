;; Invalid: main takes a parameter (ewasm.md §1.2).
(module
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main") (param i32)))
