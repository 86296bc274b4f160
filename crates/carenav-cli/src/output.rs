//! Writing results to standard output.

use std::io::Write;

use anyhow::Result;

/// Writes `text` to standard output. A closed pipe (`carenav ... | head`)
/// is not an error: the reader has what it wanted.
pub(crate) fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
