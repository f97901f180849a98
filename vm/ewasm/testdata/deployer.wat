;; Generic test deployer (ewasm.md §3.1): the runtime module travels as the
;; constructor argument in the trailing soll.ctor-args section (§3.3), laid
;; out as runtime ‖ u32 LE length. main copies it out of its own code and
;; finishes with it.
(module
  (import "ethereum" "getCodeSize" (func $codeSize (result i32)))
  (import "ethereum" "codeCopy" (func $codeCopy (param i32 i32 i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (local $end i32) (local $n i32)
    (local.set $end (i32.sub (call $codeSize) (i32.const 4)))
    (call $codeCopy (i32.const 0) (local.get $end) (i32.const 4))
    (local.set $n (i32.load (i32.const 0)))
    (if (i32.gt_u (local.get $n) (i32.const 65536))
      (then (drop (memory.grow (i32.shr_u (local.get $n) (i32.const 16))))))
    (call $codeCopy (i32.const 0) (i32.sub (local.get $end) (local.get $n)) (local.get $n))
    (call $finish (i32.const 0) (local.get $n))))
