;; Invalid: exports a third symbol (ewasm.md §1.2).
(module
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main"))
  (func (export "__heap_base")))
