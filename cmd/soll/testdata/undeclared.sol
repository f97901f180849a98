// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract C {
    function f() public pure returns (uint) { return y; }
}
