//! One module per group of subcommands.

pub(crate) mod check;
pub(crate) mod convert;
pub(crate) mod generate;
pub(crate) mod matching;
pub(crate) mod needs;
pub(crate) mod plan;
