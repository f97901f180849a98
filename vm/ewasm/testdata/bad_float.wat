;; Invalid: uses f64 arithmetic (ewasm.md §1.4), though no float type
;; appears in a signature or local.
(module
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (drop (i64.trunc_f64_s (f64.add (f64.const 1.5) (f64.const 2.25))))))
