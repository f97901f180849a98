// SPDX-License-Identifier: GPL-3.0
pragma solidity >=0.8.0 <0.9.0;

interface I {
    function g(uint) external returns (uint, bool);
}

contract S {
    error E(uint code);
    struct P { uint x; uint y; }
    uint[] data;

    function f(I i, bytes calldata b) external returns (uint r) {
        try i.g{gas: 10000}(1) returns (uint v, bool) {
            r = v;
        } catch Error(string memory reason) {
            revert(reason);
        } catch Panic(uint code) {
            revert E(code);
        } catch (bytes memory) {
            r = 0;
        }
        unchecked { r += 1; }
        (uint a, , uint c) = (1, 2, 3);
        (a, c) = (c, a);
        uint[3] memory arr = [uint(1), 2, 3];
        bytes calldata head = b[:4];
        bytes calldata tail = b[4:];
        P memory p = P({x: 1, y: 2});
        S s = new S{salt: bytes32(0)}();
        for (uint k = 0; k < 10; k++) { if (k == 5) continue; else break; }
        while (a > 0) a--;
        do { a++; } while (a < 3);
        delete data;
        assembly ("memory-safe") {
            let v := sload(data.slot)
            mstore(0x40, add(v, head.offset))
        }
        r = 0x1f + 1e18 + 2.5 ether + 3 days + hex"00ff" .length + unicode"π".length + 'x'.length;
        r = abi.decode(b, (uint));
        r = type(uint).max - (p.x ** 2 ** 3);
        r = a < c ? -int256(a) >= 0 ? 1 : 2 : !true ? 3 : ~r;
        payable(msg.sender).transfer(1 wei);
        return r;
    }
}
