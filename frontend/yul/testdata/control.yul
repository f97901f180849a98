{
    let x := calldataload(0)
    if iszero(x) { x := 1 }
    if x { sstore(0, x) }
    switch x
    case 0 { sstore(1, 0) }
    case "a" { sstore(1, 1) }
    case true { sstore(1, 2) }
    case hex"ff" { sstore(1, 3) }
    default { sstore(1, 4) }
    switch calldatasize()
    case 4 { x := 2 }
    switch x
    default { x := 3 }
    for { let i := 0 } lt(i, x) { i := add(i, 1) } {
        if eq(i, 2) { continue }
        for { } 1 { } {
            if gt(i, 7) { break }
            i := add(i, 3)
        }
        if eq(i, 9) { break }
        mstore(i, x)
    }
    // Every case terminates: the code after the switch is unreachable.
    switch x
    case 1 { revert(0, 0) }
    default { return(0, 0) }
    sstore(9, 9)
}
