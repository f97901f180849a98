{
    function none() { sstore(0, 1) }
    function one(a) -> r { r := add(a, 1) }
    function two(a, b) -> x, y {
        x := b
        if a { leave }
        y := a
    }
    function fact(n) -> r {
        r := 1
        if gt(n, 1) { r := mul(n, fact(sub(n, 1))) }
    }
    // Functions are visible in their whole block, before their definition.
    let p, q := two(one(3), later())
    none()
    sstore(p, fact(q))
    {
        function f() -> r { r := 1 }
        sstore(f(), 0)
    }
    {
        function f() -> r { r := 2 }
        function g() -> r {
            function h() -> s { s := f() }
            r := h()
        }
        sstore(f(), g())
    }
    function later() -> r { r := 7 }
    function main() {}
    main()
    stop()
    function afterStop() -> r { r := 5 }
    sstore(0, afterStop())
}
