;; Invalid: no memory (ewasm.md §1.4).
(module
  (func (export "main")))
