object "Add" {
    code {
        datacopy(0, dataoffset("Add_deployed"), datasize("Add_deployed"))
        return(0, datasize("Add_deployed"))
    }
    object "Add_deployed" {
        code {
            // add(uint256,uint256) -> uint256
            if iszero(eq(shr(224, calldataload(0)), 0x771602f7)) { revert(0, 0) }
            mstore(0, add(calldataload(4), calldataload(36)))
            return(0, 32)
        }
    }
}
