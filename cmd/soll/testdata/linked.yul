object "User" {
    code {
        mstore(0, linkersymbol("lib.sol:L"))
        return(12, 20)
    }
}
