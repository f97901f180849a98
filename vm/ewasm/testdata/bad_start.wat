;; Invalid: has a start function (ewasm.md §1.4).
(module
  (memory 1)
  (export "memory" (memory 0))
  (func $init)
  (start $init)
  (func (export "main")))
