{
    let a := 0
    let b := 1234567890
    let c := 0xff
    let d := 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
    let e := 115792089237316195423570985008687907853269984665640564039457584007913129639935
    let f := true
    let g := false
    let h := "abc"
    let i := "\n\r\t\\\"\'\x41\u00e9"
    let j := hex"0102"
    let k := ""
    let l
    let m, n
    sstore(a, add(b, add(c, add(d, add(e, add(f, add(g, add(h, add(i, add(j, add(k, add(l, add(m, n)))))))))))))
}
