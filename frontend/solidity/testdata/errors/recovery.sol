contract C {
    function f() public {
        uint x = 1
        uint y = 2;
        x = y +;
        return;
    }
    uint payable z;
    function g( {}
    event E(uint indexed indexed a);
}
contract D {
    function h() public { int x = 08; }
}
