;; Storage and call data: 64 bytes of call data store value (bytes 32..63)
;; at key (bytes 0..31); 32 bytes return the value at that key; anything
;; else reverts with "bad input".
(module
  (import "ethereum" "getCallDataSize" (func $size (result i32)))
  (import "ethereum" "callDataCopy" (func $copy (param i32 i32 i32)))
  (import "ethereum" "storageStore" (func $sstore (param i32 i32)))
  (import "ethereum" "storageLoad" (func $sload (param i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (import "ethereum" "revert" (func $revert (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (data (i32.const 256) "bad input")
  (func (export "main")
    (local $n i32)
    (local.set $n (call $size))
    (if (i32.eq (local.get $n) (i32.const 64))
      (then
        (call $copy (i32.const 0) (i32.const 0) (i32.const 64))
        (call $sstore (i32.const 0) (i32.const 32))
        (return)))
    (if (i32.eq (local.get $n) (i32.const 32))
      (then
        (call $copy (i32.const 0) (i32.const 0) (i32.const 32))
        (call $sload (i32.const 0) (i32.const 32))
        (call $finish (i32.const 32) (i32.const 32))))
    (call $revert (i32.const 256) (i32.const 9))))
