// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
}

contract Token is IERC20 {
    struct Account { uint128 balance; uint64 nonce; bool frozen; }
    enum State { Open, Closed }
    mapping(address owner => Account) public accounts;
    State public state;
    uint8 decimals = 18;
    event Transfer(address indexed from, address indexed to, uint256 value);
    error Frozen(address who);

    function transfer(address to, uint256 value) external override returns (bool) {
        if (accounts[msg.sender].frozen) revert Frozen(msg.sender);
        emit Transfer(msg.sender, to, value);
        return true;
    }
}
