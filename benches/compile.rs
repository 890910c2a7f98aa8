//! Benchmark placeholder, filled by the compile core.
fn main() {}
