//! The `carenav` command-line tool.

fn main() {}
