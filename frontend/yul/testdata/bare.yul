// A bare block is an object named "object".
{
    let x := calldataload(0)
    sstore(0, x)
}
