// A stateless math library contract written directly in Yul. It exercises
// internal functions with several return values, recursion (including
// mutual and nested recursion), for loops with break and continue, switch,
// and leave.
//
// External functions (all non-payable, all pure):
//   gcd(uint256,uint256) -> uint256                    recursive Euclid
//   egcd(uint256,uint256) -> (uint256,int256,int256)   extended Euclid: g, x, y with a*x + b*y = g
//   isqrt(uint256) -> uint256                          floor(sqrt(x)), Newton's method
//   pow(uint256,uint256) -> uint256                    checked: Panic(0x11) on overflow
//   fib(uint256) -> uint256                            naive recursion, n <= 24
//   fibIter(uint256) -> uint256                        loop, checked: Panic(0x11) from n = 371
//   divmod(uint256,uint256) -> (uint256,uint256)       Panic(0x12) on division by zero
//   stats(uint256[]) -> (uint256,uint256,uint256)      min, max and checked sum; Error on empty
//   collatz(uint256) -> uint256                        number of steps to reach 1
//   isPrime(uint256) -> bool                           trial division
//   isEven(uint256) -> bool                            mutual recursion (isEven/isOdd), n <= 200
//   ackermann(uint256,uint256) -> uint256              nested recursion, m <= 3, n <= 4
//   spell(uint256) -> string                           "zero" … "nine", else "many"
//   sumOddBelow(uint256) -> uint256                    loop with continue
//   sort3(uint256,uint256,uint256) -> (uint256,uint256,uint256)
object "MathLib" {
    code {
        if callvalue() { revert(0, 0) }
        datacopy(0, dataoffset("MathLib_deployed"), datasize("MathLib_deployed"))
        return(0, datasize("MathLib_deployed"))
    }

    object "MathLib_deployed" {
        code {
            if callvalue() { revert(0, 0) }
            if lt(calldatasize(), 4) { revert(0, 0) }

            switch shr(224, calldataload(0))
            case 0xb9650dac /* gcd(uint256,uint256) */ {
                requireArgs(2)
                return1(gcd(arg(0), arg(1)))
            }
            case 0x1349c918 /* egcd(uint256,uint256) */ {
                requireArgs(2)
                let a := arg(0)
                let b := arg(1)
                // The Bezout coefficients need to fit an int256.
                if or(shr(255, a), shr(255, b)) { revertWith(17, "input above 2^255") }
                let g, x, y := egcd(a, b)
                return3(g, x, y)
            }
            case 0x56464884 /* isqrt(uint256) */ {
                requireArgs(1)
                return1(isqrt(arg(0)))
            }
            case 0x2e4c697f /* pow(uint256,uint256) */ {
                requireArgs(2)
                return1(checkedPow(arg(0), arg(1)))
            }
            case 0xc6c2ea17 /* fib(uint256) */ {
                requireArgs(1)
                let n := arg(0)
                if gt(n, 24) { revertWith(11, "n too large") }
                return1(fib(n))
            }
            case 0xdfe5adc1 /* fibIter(uint256) */ {
                requireArgs(1)
                return1(fibIter(arg(0)))
            }
            case 0x8efe1b6c /* divmod(uint256,uint256) */ {
                requireArgs(2)
                let q, r := divmod(arg(0), arg(1))
                return2(q, r)
            }
            case 0xaa04375c /* stats(uint256[]) */ {
                let ptr, n := decodeArray(0)
                if iszero(n) { revertWith(11, "empty array") }
                let mn, mx, total := stats(ptr, n)
                return3(mn, mx, total)
            }
            case 0x1e523f43 /* collatz(uint256) */ {
                requireArgs(1)
                return1(collatz(arg(0)))
            }
            case 0x42703494 /* isPrime(uint256) */ {
                requireArgs(1)
                return1(isPrime(arg(0)))
            }
            case 0x2a2e1320 /* isEven(uint256) */ {
                requireArgs(1)
                let n := arg(0)
                if gt(n, 200) { revertWith(11, "n too large") }
                return1(isEven(n))
            }
            case 0x2839e928 /* ackermann(uint256,uint256) */ {
                requireArgs(2)
                let m := arg(0)
                let n := arg(1)
                if or(gt(m, 3), gt(n, 4)) { revertWith(11, "n too large") }
                return1(ackermann(m, n))
            }
            case 0x5e3aea12 /* spell(uint256) */ {
                requireArgs(1)
                let len, word := spell(arg(0))
                mstore(0, 0x20)
                mstore(0x20, len)
                mstore(0x40, word)
                return(0, 0x60)
            }
            case 0xacc03e5a /* sumOddBelow(uint256) */ {
                requireArgs(1)
                return1(sumOddBelow(arg(0)))
            }
            case 0x965013f2 /* sort3(uint256,uint256,uint256) */ {
                requireArgs(3)
                let x, y, z := sort3(arg(0), arg(1), arg(2))
                return3(x, y, z)
            }
            default {
                revert(0, 0)
            }

            // Math

            function gcd(a, b) -> g {
                if iszero(b) {
                    g := a
                    leave
                }
                g := gcd(b, mod(a, b))
            }

            // Returns g = gcd(a, b) and x, y (two's complement) with
            // a*x + b*y = g.
            function egcd(a, b) -> g, x, y {
                switch b
                case 0 {
                    g := a
                    x := 1
                    y := 0
                }
                default {
                    let g1, x1, y1 := egcd(b, mod(a, b))
                    g := g1
                    x := y1
                    y := sub(x1, mul(div(a, b), y1))
                }
            }

            function isqrt(x) -> r {
                if lt(x, 2) {
                    r := x
                    leave
                }
                // z starts at ceil(x / 2), written so that it cannot overflow.
                let z := add(shr(1, x), and(x, 1))
                r := x
                for {} lt(z, r) {} {
                    r := z
                    z := shr(1, add(div(x, z), z))
                }
            }

            function checkedPow(base, exponent) -> result {
                result := 1
                for {} exponent {} {
                    if and(exponent, 1) { result := checkedMul(result, base) }
                    exponent := shr(1, exponent)
                    if iszero(exponent) { break }
                    base := checkedMul(base, base)
                }
            }

            function fib(n) -> f {
                switch n
                case 0 { f := 0 }
                case 1 { f := 1 }
                default { f := add(fib(sub(n, 1)), fib(sub(n, 2))) }
            }

            function fibIter(n) -> f {
                if iszero(n) { leave }
                let prev := 0
                f := 1
                for { let i := 1 } lt(i, n) { i := add(i, 1) } {
                    let t := checkedAdd(prev, f)
                    prev := f
                    f := t
                }
            }

            function divmod(a, b) -> q, r {
                if iszero(b) { panic(0x12) }
                q := div(a, b)
                r := mod(a, b)
            }

            // min, max and sum of n words of memory at ptr (n > 0).
            function stats(ptr, n) -> mn, mx, total {
                mn := not(0)
                for { let end := add(ptr, mul(n, 32)) } lt(ptr, end) { ptr := add(ptr, 32) } {
                    let v := mload(ptr)
                    mn, mx := minMax(mn, mx, v)
                    total := checkedAdd(total, v)
                }
            }

            function minMax(mn, mx, v) -> newMin, newMax {
                newMin := mn
                newMax := mx
                if lt(v, newMin) { newMin := v }
                if gt(v, newMax) { newMax := v }
            }

            function collatz(n) -> steps {
                if iszero(n) { revertWith(9, "n is zero") }
                for {} iszero(eq(n, 1)) { steps := add(steps, 1) } {
                    switch and(n, 1)
                    case 0 { n := shr(1, n) }
                    default { n := checkedAdd(checkedMul(n, 3), 1) }
                }
            }

            function isPrime(n) -> prime {
                switch n
                case 0 { leave }
                case 1 { leave }
                case 2 {
                    prime := 1
                    leave
                }
                if iszero(and(n, 1)) { leave }
                for { let d := 3 } iszero(gt(mul(d, d), n)) { d := add(d, 2) } {
                    if iszero(mod(n, d)) { leave }
                }
                prime := 1
            }

            function isEven(n) -> even {
                switch n
                case 0 { even := 1 }
                default { even := isOdd(sub(n, 1)) }
            }

            function isOdd(n) -> odd {
                switch n
                case 0 { odd := 0 }
                default { odd := isEven(sub(n, 1)) }
            }

            function ackermann(m, n) -> r {
                if iszero(m) {
                    r := add(n, 1)
                    leave
                }
                if iszero(n) {
                    r := ackermann(sub(m, 1), 1)
                    leave
                }
                r := ackermann(sub(m, 1), ackermann(m, sub(n, 1)))
            }

            // The name of a digit as (length, left-aligned word).
            function spell(n) -> len, word {
                switch n
                case 0 { len, word := str(4, "zero") }
                case 1 { len, word := str(3, "one") }
                case 2 { len, word := str(3, "two") }
                case 3 { len, word := str(5, "three") }
                case 4 { len, word := str(4, "four") }
                case 5 { len, word := str(4, "five") }
                case 6 { len, word := str(3, "six") }
                case 7 { len, word := str(5, "seven") }
                case 8 { len, word := str(5, "eight") }
                case 9 { len, word := str(4, "nine") }
                default { len, word := str(4, "many") }
            }

            function str(l, w) -> len, word {
                len := l
                word := w
            }

            function sumOddBelow(n) -> total {
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    if iszero(and(i, 1)) { continue }
                    total := checkedAdd(total, i)
                }
            }

            function order(a, b) -> lo, hi {
                lo := a
                hi := b
                if gt(a, b) {
                    lo := b
                    hi := a
                }
            }

            function sort3(a, b, c) -> x, y, z {
                a, b := order(a, b)
                b, c := order(b, c)
                a, b := order(a, b)
                x, y, z := tuple3(a, b, c)
            }

            function tuple3(a, b, c) -> x, y, z {
                x := a
                y := b
                z := c
            }

            function checkedAdd(a, b) -> s {
                s := add(a, b)
                if lt(s, a) { panic(0x11) }
            }

            function checkedMul(a, b) -> p {
                p := mul(a, b)
                if iszero(or(iszero(a), eq(div(p, a), b))) { panic(0x11) }
            }

            // ABI

            function requireArgs(n) {
                if lt(sub(calldatasize(), 4), mul(n, 32)) { revert(0, 0) }
            }

            function arg(i) -> v {
                v := calldataload(add(4, mul(i, 32)))
            }

            // Copies a uint256[] argument to memory at 0x80; returns where
            // its elements are and how many there are.
            function decodeArray(i) -> ptr, n {
                requireArgs(add(i, 1))
                let argsSize := sub(calldatasize(), 4)
                let offset := arg(i)
                if gt(offset, sub(argsSize, 32)) { revert(0, 0) }
                n := calldataload(add(4, offset))
                if gt(n, div(sub(sub(argsSize, offset), 32), 32)) { revert(0, 0) }
                ptr := 0x80
                calldatacopy(ptr, add(add(4, offset), 32), mul(n, 32))
            }

            function return1(a) {
                mstore(0, a)
                return(0, 0x20)
            }

            function return2(a, b) {
                mstore(0, a)
                mstore(0x20, b)
                return(0, 0x40)
            }

            function return3(a, b, c) {
                mstore(0, a)
                mstore(0x20, b)
                mstore(0x40, c)
                return(0, 0x60)
            }

            function revertWith(length, message) {
                mstore(0, shl(224, 0x08c379a0))
                mstore(4, 0x20)
                mstore(36, length)
                mstore(68, message)
                revert(0, 100)
            }

            function panic(code) {
                mstore(0, shl(224, 0x4e487b71))
                mstore(4, code)
                revert(0, 36)
            }
        }
    }
}
// ====
// EVMVersion: >=constantinople
// ----
// gcd(uint256,uint256): 0, 0 -> 0
// gcd(uint256,uint256): 0, 7 -> 7
// gcd(uint256,uint256): 7, 0 -> 7
// gcd(uint256,uint256): 12, 18 -> 6
// gcd(uint256,uint256): 1071, 462 -> 21
// gcd(uint256,uint256): 17, 5 -> 1
// gcd(uint256,uint256): 1020847100762815390390123822295304634368, 166020696663385964544 -> 55340232221128654848
// gcd(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 115792089237316195423570985008687907853269984665640564039457584007913129639934 -> 1
// gcd(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 57896044618658097711785492504343953926634992332820282019728792003956564819968 -> 1
// egcd(uint256,uint256): 240, 46 -> 2, -9, 47
// egcd(uint256,uint256): 46, 240 -> 2, 47, -9
// egcd(uint256,uint256): 0, 5 -> 5, 0, 1
// egcd(uint256,uint256): 5, 0 -> 5, 1, 0
// egcd(uint256,uint256): 1, 1 -> 1, 0, 1
// egcd(uint256,uint256): 99, 78 -> 3, -11, 14
// egcd(uint256,uint256): 1606938044258990275541962092341162602522202993782792835301377, 515377520732011331036461129765621272702107522001 -> 1, -69159009104608857551327506161451046980552300816, 215636573895581328974864617054017560757042838606845427597633
// egcd(uint256,uint256): 57896044618658097711785492504343953926634992332820282019728792003956564819968, 1 -> FAILURE, hex"08c379a0", 0x20, 17, "input above 2^255"
// isqrt(uint256): 0 -> 0
// isqrt(uint256): 1 -> 1
// isqrt(uint256): 2 -> 1
// isqrt(uint256): 3 -> 1
// isqrt(uint256): 4 -> 2
// isqrt(uint256): 8 -> 2
// isqrt(uint256): 9 -> 3
// isqrt(uint256): 15 -> 3
// isqrt(uint256): 16 -> 4
// isqrt(uint256): 17 -> 4
// isqrt(uint256): 99 -> 9
// isqrt(uint256): 100 -> 10
// isqrt(uint256): 1000000000000000000000000000000 -> 1000000000000000
// isqrt(uint256): 28948022309329048855892746252171976963317496166410141009864396001978282409984 -> 170141183460469231731687303715884105728
// isqrt(uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639934 -> 340282366920938463463374607431768211455
// isqrt(uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935 -> 340282366920938463463374607431768211455
// pow(uint256,uint256): 0, 0 -> 1
// pow(uint256,uint256): 0, 5 -> 0
// pow(uint256,uint256): 5, 0 -> 1
// pow(uint256,uint256): 2, 10 -> 1024
// pow(uint256,uint256): 3, 7 -> 2187
// pow(uint256,uint256): 2, 255 -> 57896044618658097711785492504343953926634992332820282019728792003956564819968
// pow(uint256,uint256): 10, 77 -> 100000000000000000000000000000000000000000000000000000000000000000000000000000
// pow(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 1 -> 115792089237316195423570985008687907853269984665640564039457584007913129639935
// pow(uint256,uint256): 1, 115792089237316195423570985008687907853269984665640564039457584007913129639935 -> 1
// pow(uint256,uint256): 340282366920938463463374607431768211456, 1 -> 340282366920938463463374607431768211456
// pow(uint256,uint256): 7, 91 -> 80153343160247310515380886994816022539378033762994852007501964604841680190743
// pow(uint256,uint256): 2, 256 -> FAILURE, hex"4e487b71", 0x11
// pow(uint256,uint256): 10, 78 -> FAILURE, hex"4e487b71", 0x11
// pow(uint256,uint256): 340282366920938463463374607431768211456, 2 -> FAILURE, hex"4e487b71", 0x11
// pow(uint256,uint256): 3, 162 -> FAILURE, hex"4e487b71", 0x11
// pow(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 2 -> FAILURE, hex"4e487b71", 0x11
// fib(uint256): 0 -> 0
// fib(uint256): 1 -> 1
// fib(uint256): 2 -> 1
// fib(uint256): 3 -> 2
// fib(uint256): 10 -> 55
// fib(uint256): 20 -> 6765
// fib(uint256): 24 -> 46368
// fib(uint256): 25 -> FAILURE, hex"08c379a0", 0x20, 11, "n too large"
// fibIter(uint256): 0 -> 0
// fibIter(uint256): 1 -> 1
// fibIter(uint256): 2 -> 1
// fibIter(uint256): 3 -> 2
// fibIter(uint256): 10 -> 55
// fibIter(uint256): 24 -> 46368
// fibIter(uint256): 100 -> 354224848179261915075
// fibIter(uint256): 370 -> 94611056096305838013295371573764256526437182762229865607320618320601813254535
// fibIter(uint256): 371 -> FAILURE, hex"4e487b71", 0x11
// divmod(uint256,uint256): 17, 5 -> 3, 2
// divmod(uint256,uint256): 5, 17 -> 0, 5
// divmod(uint256,uint256): 0, 3 -> 0, 0
// divmod(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 2 -> 57896044618658097711785492504343953926634992332820282019728792003956564819967, 1
// divmod(uint256,uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935, 115792089237316195423570985008687907853269984665640564039457584007913129639935 -> 1, 0
// divmod(uint256,uint256): 100, 10 -> 10, 0
// divmod(uint256,uint256): 1, 0 -> FAILURE, hex"4e487b71", 0x12
// stats(uint256[]): 0x20, 1, 5 -> 5, 5, 5
// stats(uint256[]): 0x20, 3, 3, 1, 2 -> 1, 3, 6
// stats(uint256[]): 0x20, 4, 7, 7, 7, 7 -> 7, 7, 28
// stats(uint256[]): 0x20, 4, 10, 0, 115792089237316195423570985008687907853269984665640564039457584007913129639921, 4 -> 0, 115792089237316195423570985008687907853269984665640564039457584007913129639921, 115792089237316195423570985008687907853269984665640564039457584007913129639935
// stats(uint256[]): 0x20, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 -> 1, 20, 210
// stats(uint256[]): 0x20, 0 -> FAILURE, hex"08c379a0", 0x20, 11, "empty array"
// stats(uint256[]): 0x20, 2, 115792089237316195423570985008687907853269984665640564039457584007913129639935, 1 -> FAILURE, hex"4e487b71", 0x11
// stats(uint256[]): 0x40, 0, 2, 4, 6 -> 4, 6, 10
// stats(uint256[]): 0x20, 3, 1, 2 -> FAILURE
// stats(uint256[]): 0x40, 1 -> FAILURE
// stats(uint256[]) -> FAILURE
// collatz(uint256): 1 -> 0
// collatz(uint256): 2 -> 1
// collatz(uint256): 3 -> 7
// collatz(uint256): 6 -> 8
// collatz(uint256): 7 -> 16
// collatz(uint256): 27 -> 111
// collatz(uint256): 97 -> 118
// collatz(uint256): 871 -> 178
// collatz(uint256): 0 -> FAILURE, hex"08c379a0", 0x20, 9, "n is zero"
// isPrime(uint256): 0 -> false
// isPrime(uint256): 1 -> false
// isPrime(uint256): 2 -> true
// isPrime(uint256): 3 -> true
// isPrime(uint256): 4 -> false
// isPrime(uint256): 9 -> false
// isPrime(uint256): 25 -> false
// isPrime(uint256): 49 -> false
// isPrime(uint256): 97 -> true
// isPrime(uint256): 121 -> false
// isPrime(uint256): 7919 -> true
// isPrime(uint256): 7921 -> false
// isPrime(uint256): 65537 -> true
// isPrime(uint256): 2147483647 -> true
// isPrime(uint256): 1000000007 -> true
// isEven(uint256): 0 -> true
// isEven(uint256): 1 -> false
// isEven(uint256): 2 -> true
// isEven(uint256): 7 -> false
// isEven(uint256): 100 -> true
// isEven(uint256): 199 -> false
// isEven(uint256): 200 -> true
// isEven(uint256): 201 -> FAILURE, hex"08c379a0", 0x20, 11, "n too large"
// ackermann(uint256,uint256): 0, 0 -> 1
// ackermann(uint256,uint256): 0, 4 -> 5
// ackermann(uint256,uint256): 1, 0 -> 2
// ackermann(uint256,uint256): 1, 3 -> 5
// ackermann(uint256,uint256): 2, 0 -> 3
// ackermann(uint256,uint256): 2, 3 -> 9
// ackermann(uint256,uint256): 3, 0 -> 5
// ackermann(uint256,uint256): 3, 3 -> 61
// ackermann(uint256,uint256): 3, 4 -> 125
// ackermann(uint256,uint256): 4, 0 -> FAILURE, hex"08c379a0", 0x20, 11, "n too large"
// ackermann(uint256,uint256): 0, 5 -> FAILURE, hex"08c379a0", 0x20, 11, "n too large"
// spell(uint256): 0 -> 0x20, 4, "zero"
// spell(uint256): 1 -> 0x20, 3, "one"
// spell(uint256): 2 -> 0x20, 3, "two"
// spell(uint256): 3 -> 0x20, 5, "three"
// spell(uint256): 4 -> 0x20, 4, "four"
// spell(uint256): 5 -> 0x20, 4, "five"
// spell(uint256): 6 -> 0x20, 3, "six"
// spell(uint256): 7 -> 0x20, 5, "seven"
// spell(uint256): 8 -> 0x20, 5, "eight"
// spell(uint256): 9 -> 0x20, 4, "nine"
// spell(uint256): 10 -> 0x20, 4, "many"
// spell(uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639935 -> 0x20, 4, "many"
// sumOddBelow(uint256): 0 -> 0
// sumOddBelow(uint256): 1 -> 0
// sumOddBelow(uint256): 2 -> 1
// sumOddBelow(uint256): 3 -> 1
// sumOddBelow(uint256): 10 -> 25
// sumOddBelow(uint256): 11 -> 25
// sumOddBelow(uint256): 1000 -> 250000
// sort3(uint256,uint256,uint256): 1, 2, 3 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 1, 3, 2 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 2, 1, 3 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 2, 3, 1 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 3, 1, 2 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 3, 2, 1 -> 1, 2, 3
// sort3(uint256,uint256,uint256): 5, 115792089237316195423570985008687907853269984665640564039457584007913129639935, 5 -> 5, 5, 115792089237316195423570985008687907853269984665640564039457584007913129639935
// sort3(uint256,uint256,uint256): 0, 0, 0 -> 0, 0, 0
// gcd(uint256,uint256): 12 -> FAILURE
// isqrt(uint256) -> FAILURE
// isqrt(uint256), 1 wei: 4 -> FAILURE
// (): hex"564648" -> FAILURE
// () -> FAILURE
// (), 1 ether -> FAILURE
// nonexistent() -> FAILURE
// storageEmpty -> 1
