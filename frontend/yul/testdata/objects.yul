/// @use-src 0:"c.sol"
object "C" {
    code {
        /// @src 0:10:20
        let size := datasize("C_deployed")
        datacopy(0, dataoffset("C_deployed"), size)
        setimmutable(0, "imm", 42)
        mstore(64, memoryguard(128))
        return(0, size)
    }
    object "C_deployed" {
        code {
            mstore(0, loadimmutable("imm"))
            mstore(32, linkersymbol("lib.sol:L"))
            pop(datasize("meta"))
            return(0, 64)
        }
        data "meta" hex"a1_b2c3"
    }
    data "text" "hello\n"
}
