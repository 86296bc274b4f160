//! What the eligibility reader makes of each line of standard input: one
//! line of text, then its reading as JSON (the constraints with their
//! confidence, and the sentences left to verify). For writing and checking
//! the reader's rules against texts not yet in the labelled corpus:
//!
//! ```sh
//! echo "Homeless women age 18 or over" |
//!     cargo run -q -p carenav-core --example read_eligibility
//! ```

use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let reading = carenav_core::text::read_eligibility(&line);
        println!("{line}\n  {}", serde_json::to_string(&reading.eligibility)?);
    }
    Ok(())
}
