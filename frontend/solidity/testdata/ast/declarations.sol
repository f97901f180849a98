// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
pragma abicoder v2;
pragma experimental ABIEncoderV2;

import "./lib/A.sol";
import "lib/B.sol" as B;
import * as C from "C.sol";
import {X as Y, Z} from "../Z.sol";

/// @title A user-defined value type
type Price is uint128;

uint256 constant MAX = 1_000;

error Unauthorized(address caller, uint256 code);

event Global(uint indexed a) anonymous;

struct Pair {
    uint a;
    mapping(address owner => uint256 balance) balances;
}

enum Color { Red, Green, Blue }

function add(Price a, Price b) pure returns (Price) {
    return Price.wrap(Price.unwrap(a) + Price.unwrap(b));
}

using {add as +} for Price global;

interface IToken {
    function transfer(address to, uint256 amount) external returns (bool);
}

library Math {
    function max(uint a, uint b) internal pure returns (uint) { return a > b ? a : b; }
}

abstract contract Base {
    uint public immutable created;
    constructor(uint x) { created = x; }
    function f() public virtual returns (uint);
}

/**
 * @notice The token.
 * @dev Two lines.
 */
contract Token is Base(1), IToken {
    using Math for uint;
    using Math for *;

    uint256 public constant DECIMALS = 18;
    uint transient lock;
    mapping(address => mapping(address => uint)) private allowance;
    function (uint) external returns (uint) public callback;
    address payable owner;

    event Transfer(address indexed from, address indexed to, uint256 value);

    modifier onlyOwner() virtual {
        require(msg.sender == owner, "not owner");
        _;
    }

    /// @inheritdoc IToken
    function transfer(address to, uint256 amount) external override(IToken) onlyOwner returns (bool ok) {
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function f() public pure override returns (uint) {}

    receive() external payable {}
    fallback(bytes calldata input) external returns (bytes memory) { return input; }
}
