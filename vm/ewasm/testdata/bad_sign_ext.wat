;; Invalid: i32.extend8_s is a post-MVP (sign-extension) instruction
;; (ewasm.md §1.4).
(module
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (drop (i32.extend8_s (i32.const 255)))))
