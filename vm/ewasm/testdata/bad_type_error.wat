;; Invalid: fails wasm validation (i32.add of an i64); written with
;; wat2wasm --no-check.
(module
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (drop (i32.add (i32.const 1) (i64.const 2)))))
