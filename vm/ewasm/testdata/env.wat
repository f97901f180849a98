;; Environment and block getters, written to one buffer that main finishes
;; with (offsets in the comments; ewasm.md §2.1 byte orders).
(module
  (import "ethereum" "getAddress" (func $address (param i32)))
  (import "ethereum" "getCaller" (func $caller (param i32)))
  (import "ethereum" "getTxOrigin" (func $origin (param i32)))
  (import "ethereum" "getBlockCoinbase" (func $coinbase (param i32)))
  (import "ethereum" "getCallValue" (func $callValue (param i32)))
  (import "ethereum" "getTxGasPrice" (func $gasPrice (param i32)))
  (import "ethereum" "getBlockDifficulty" (func $difficulty (param i32)))
  (import "ethereum" "getBlockNumber" (func $number (result i64)))
  (import "ethereum" "getBlockTimestamp" (func $timestamp (result i64)))
  (import "ethereum" "getBlockGasLimit" (func $gasLimit (result i64)))
  (import "ethereum" "getCallDataSize" (func $callDataSize (result i32)))
  (import "ethereum" "getCodeSize" (func $codeSize (result i32)))
  (import "ethereum" "getBlockHash" (func $blockHash (param i64 i32) (result i32)))
  (import "ethereum" "getGasLeft" (func $gasLeft (result i64)))
  (import "ethereum" "getExternalBalance" (func $balance (param i32 i32)))
  (import "ethereum" "getExternalCodeSize" (func $extCodeSize (param i32) (result i32)))
  (import "ethereum" "finish" (func $finish (param i32 i32)))
  (import "ethereum_ext" "getChainId" (func $chainId (param i32)))
  (import "ethereum_ext" "getBlockBaseFee" (func $baseFee (param i32)))
  (import "ethereum_ext" "getBlobBaseFee" (func $blobBaseFee (param i32)))
  (import "ethereum_ext" "getBlobHash" (func $blobHash (param i64 i32) (result i32)))
  (import "ethereum_ext" "getSelfBalance" (func $selfBalance (param i32)))
  (memory 1)
  (export "memory" (memory 0))
  (func (export "main")
    (call $address (i32.const 0))                                     ;; 0: address
    (call $caller (i32.const 20))                                     ;; 20: address
    (call $origin (i32.const 40))                                     ;; 40: address
    (call $coinbase (i32.const 60))                                   ;; 60: address
    (call $callValue (i32.const 80))                                  ;; 80: u128 LE
    (call $gasPrice (i32.const 96))                                   ;; 96: u128 LE
    (call $difficulty (i32.const 112))                                ;; 112: u256 LE
    (i64.store (i32.const 144) (call $number))                        ;; 144: i64
    (i64.store (i32.const 152) (call $timestamp))                     ;; 152: i64
    (i64.store (i32.const 160) (call $gasLimit))                      ;; 160: i64
    (i32.store (i32.const 168) (call $callDataSize))                  ;; 168: i32
    (i32.store (i32.const 172) (call $codeSize))                      ;; 172: i32
    (i32.store (i32.const 176)                                        ;; 176: status, 180: bytes32
      (call $blockHash (i64.sub (call $number) (i64.const 1)) (i32.const 180)))
    (i32.store (i32.const 212)                                        ;; 212: status of the current block
      (call $blockHash (call $number) (i32.const 1000)))
    (call $chainId (i32.const 216))                                   ;; 216: u256 LE
    (call $baseFee (i32.const 248))                                   ;; 248: u128 LE
    (call $blobBaseFee (i32.const 264))                               ;; 264: u128 LE
    (i32.store (i32.const 280) (call $blobHash (i64.const 1) (i32.const 284))) ;; 280: status, 284: bytes32
    (i32.store (i32.const 316) (call $blobHash (i64.const 2) (i32.const 2000))) ;; 316: status
    (call $selfBalance (i32.const 320))                               ;; 320: u128 LE
    (i64.store (i32.const 336) (call $gasLeft))                       ;; 336: i64
    (i64.store (i32.const 344) (call $gasLeft))                       ;; 344: i64
    (call $balance (i32.const 20) (i32.const 352))                    ;; 352: u128 LE, the caller's
    (i32.store (i32.const 368) (call $extCodeSize (i32.const 0)))     ;; 368: i32, own code size
    (call $finish (i32.const 0) (i32.const 372))))
