pragma solidity ^99.0.0;
import {A} "a.sol";
contract C { function f() {} }
}
uint x
