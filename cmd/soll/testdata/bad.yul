{
    let x := 1
    mstore(0, y)
}
