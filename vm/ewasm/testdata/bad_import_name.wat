;; Invalid: ethereum.returnDataSize is not an EEI name (ewasm.md §2.2).
(module
  (import "ethereum" "returnDataSize" (func $rds (result i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")))
