;; A constructor reading its argument (ewasm.md §3.3): the last 32 bytes of
;; its own code (the soll.ctor-args payload) go to storage slot 0, the call
;; data size (0 during a creation) to slot 1, the call value (u128 LE, as
;; stored bytes) to slot 2. Deploys an empty account.
(module
  (import "ethereum" "getCodeSize" (func $codeSize (result i32)))
  (import "ethereum" "codeCopy" (func $codeCopy (param i32 i32 i32)))
  (import "ethereum" "getCallDataSize" (func $cds (result i32)))
  (import "ethereum" "getCallValue" (func $callValue (param i32)))
  (import "ethereum" "storageStore" (func $sstore (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $codeCopy (i32.const 32) (i32.sub (call $codeSize) (i32.const 32)) (i32.const 32))
    (call $sstore (i32.const 0) (i32.const 32))
    (i32.store8 (i32.const 31) (i32.const 1))
    (i32.store (i32.const 64) (call $cds))
    (call $sstore (i32.const 0) (i32.const 64))
    (i32.store8 (i32.const 31) (i32.const 2))
    (call $callValue (i32.const 96))
    (call $sstore (i32.const 0) (i32.const 96))))
