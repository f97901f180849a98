;; Runs forever: only metering (ewasm.md §8.2) ends it, with out of gas.
(module
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (loop $forever (br $forever))
    (call $finish (i32.const 0) (i32.const 0))))
