contract C {
    string s = "unterminated;
    bytes b = hex"abc";
    uint n = 1_;
    uint m = 0x;
}
