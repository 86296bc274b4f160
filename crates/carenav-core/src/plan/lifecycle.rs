//! The closed-loop referral lifecycle: a state machine over the FHIR Task
//! statuses that the SDOH Clinical Care IG uses for referral management.
//!
//! The IG (`SDOHCC-TaskForReferralManagement`) leaves out FHIR's `received`
//! and `ready`, names who sets each status (requester: `draft`, `requested`,
//! `entered-in-error`; target: `accepted`, `rejected`, `in-progress`,
//! `on-hold`, `failed`, `completed`; either: `cancelled`) and requires a
//! `statusReason` for `rejected`, `cancelled`, `on-hold` and `failed`.
//! carenav's table of legal transitions (from → to):
//!
//! | from | to |
//! |---|---|
//! | `draft` | `requested`, `cancelled`, `entered-in-error` |
//! | `requested` | `accepted`, `rejected`, `in-progress`, `on-hold`, `completed`, `failed`, `cancelled`, `entered-in-error` |
//! | `accepted` | `in-progress`, `on-hold`, `completed`, `failed`, `cancelled`, `entered-in-error` |
//! | `in-progress` | `on-hold`, `completed`, `failed`, `cancelled`, `entered-in-error` |
//! | `on-hold` | `in-progress`, `failed`, `cancelled`, `entered-in-error` |
//! | `rejected`, `completed`, `failed`, `cancelled` | `entered-in-error` |
//! | `entered-in-error` | (none) |
//!
//! Why: a draft is only sent, withdrawn or voided. Once requested, the target
//! may report any of its statuses directly, because `accepted` is optional in
//! practice (findhelp goes from "Pending" to "Got help"). Once accepted the
//! target can no longer reject (it fails or the referral is cancelled).
//! `on-hold` must resume (`in-progress`) before it completes. The four
//! outcomes are final; any record can be voided as `entered-in-error`, which
//! is final too. A status never transitions to itself.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::plan::{Stamp, Timestamp};

/// A FHIR Task status used for referral management.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    /// Being prepared by the requester; not sent.
    Draft,
    /// Sent to the target.
    Requested,
    /// The target agreed to act.
    Accepted,
    /// The target declined.
    Rejected,
    /// The service is being delivered.
    InProgress,
    /// Paused (waitlist, waiting for the client).
    OnHold,
    /// The client got the service.
    Completed,
    /// Attempted but the client did not get the service.
    Failed,
    /// Withdrawn.
    Cancelled,
    /// Recorded by mistake.
    EnteredInError,
}

impl TaskStatus {
    /// All ten statuses, in the order of the IG's list.
    pub const ALL: [TaskStatus; 10] = [
        TaskStatus::Draft,
        TaskStatus::Requested,
        TaskStatus::Accepted,
        TaskStatus::Rejected,
        TaskStatus::InProgress,
        TaskStatus::OnHold,
        TaskStatus::Completed,
        TaskStatus::Failed,
        TaskStatus::Cancelled,
        TaskStatus::EnteredInError,
    ];

    /// The FHIR code (`in-progress`).
    pub fn code(self) -> &'static str {
        match self {
            TaskStatus::Draft => "draft",
            TaskStatus::Requested => "requested",
            TaskStatus::Accepted => "accepted",
            TaskStatus::Rejected => "rejected",
            TaskStatus::InProgress => "in-progress",
            TaskStatus::OnHold => "on-hold",
            TaskStatus::Completed => "completed",
            TaskStatus::Failed => "failed",
            TaskStatus::Cancelled => "cancelled",
            TaskStatus::EnteredInError => "entered-in-error",
        }
    }

    /// Parses a FHIR code.
    pub fn parse(code: &str) -> Option<Self> {
        TaskStatus::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    /// Whether entering this status needs a reason (IG: `statusReason`).
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            TaskStatus::Rejected | TaskStatus::Cancelled | TaskStatus::OnHold | TaskStatus::Failed
        )
    }

    /// Whether no further status but `entered-in-error` can follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            TaskStatus::Rejected
                | TaskStatus::Completed
                | TaskStatus::Failed
                | TaskStatus::Cancelled
                | TaskStatus::EnteredInError
        )
    }

    /// The statuses this one may move to (the table in the module docs).
    pub fn next(self) -> &'static [TaskStatus] {
        use TaskStatus::*;
        match self {
            Draft => &[Requested, Cancelled, EnteredInError],
            Requested => &[
                Accepted,
                Rejected,
                InProgress,
                OnHold,
                Completed,
                Failed,
                Cancelled,
                EnteredInError,
            ],
            Accepted => &[
                InProgress,
                OnHold,
                Completed,
                Failed,
                Cancelled,
                EnteredInError,
            ],
            InProgress => &[OnHold, Completed, Failed, Cancelled, EnteredInError],
            OnHold => &[InProgress, Failed, Cancelled, EnteredInError],
            Rejected | Completed | Failed | Cancelled => &[EnteredInError],
            EnteredInError => &[],
        }
    }

    /// Whether `self → to` is legal.
    pub fn can_move_to(self, to: TaskStatus) -> bool {
        self.next().contains(&to)
    }
}

impl fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    /// The transition is not in the table.
    #[error("illegal referral status change from {from} to {to}; from {from} the legal next statuses are: {}", legal_list(*from))]
    Illegal {
        /// Current status.
        from: TaskStatus,
        /// Requested status.
        to: TaskStatus,
    },
    /// `rejected`, `cancelled`, `on-hold` and `failed` need a reason.
    #[error("a referral moving from {from} to {to} needs a reason")]
    ReasonRequired {
        /// Current status.
        from: TaskStatus,
        /// Requested status.
        to: TaskStatus,
    },
    /// A stored history that does not replay (bad JSON plan).
    #[error("referral history entry {index}: {message}")]
    History {
        /// 0-based entry.
        index: usize,
        /// What is wrong.
        message: String,
    },
}

fn legal_list(from: TaskStatus) -> String {
    let next = from.next();
    if next.is_empty() {
        "none".into()
    } else {
        next.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ")
    }
}

/// One recorded change of a referral's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// Status before.
    pub from: TaskStatus,
    /// Status after (equal to `from` only for a vendor update that keeps
    /// the status, such as Healthify's "Client Contact Unsuccessful").
    pub to: TaskStatus,
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: String,
    /// Why (required for `rejected`, `cancelled`, `on-hold`, `failed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The vendor status that caused it (`findhelp: Got help`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_status: Option<String>,
}

/// A referral's status and the full record of how it got there.
///
/// Fields are private so that the status can only change through
/// [`ReferralLifecycle::transition`]; a deserialized lifecycle is replayed
/// and refused if its history is not legal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "LifecycleRecord", into = "LifecycleRecord")]
pub struct ReferralLifecycle {
    status: TaskStatus,
    history: Vec<StatusChange>,
}

/// The serialized form of [`ReferralLifecycle`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LifecycleRecord {
    /// Current status (must equal the last history entry's `to`, or `draft`).
    pub status: TaskStatus,
    /// Every change, oldest first.
    #[serde(default)]
    pub history: Vec<StatusChange>,
}

impl Default for ReferralLifecycle {
    fn default() -> Self {
        ReferralLifecycle {
            status: TaskStatus::Draft,
            history: Vec::new(),
        }
    }
}

fn clean_reason(reason: Option<&str>) -> Option<String> {
    reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

impl ReferralLifecycle {
    /// A new referral, in `draft`.
    pub fn new() -> Self {
        Self::default()
    }

    /// The current status.
    pub fn status(&self) -> TaskStatus {
        self.status
    }

    /// Every change, oldest first.
    pub fn history(&self) -> &[StatusChange] {
        &self.history
    }

    /// The reason of the latest change that gave one (FHIR `statusReason`).
    pub fn status_reason(&self) -> Option<&str> {
        self.history
            .last()
            .filter(|c| c.to == self.status)
            .and_then(|c| c.reason.as_deref())
    }

    /// Moves to `to`, recording who and when.
    ///
    /// ```
    /// use carenav_core::plan::{ReferralLifecycle, Stamp, TaskStatus, LifecycleError};
    /// let stamp = Stamp::new("cm-ana", "2026-03-02T10:00:00Z").unwrap();
    /// let mut l = ReferralLifecycle::new();
    /// l.transition(TaskStatus::Requested, None, &stamp).unwrap();
    /// let err = l.transition(TaskStatus::Rejected, None, &stamp).unwrap_err();
    /// assert!(matches!(err, LifecycleError::ReasonRequired { .. }));
    /// let err = l.transition(TaskStatus::Draft, None, &stamp).unwrap_err();
    /// assert!(err.to_string().contains("from requested to draft"));
    /// ```
    pub fn transition(
        &mut self,
        to: TaskStatus,
        reason: Option<&str>,
        stamp: &Stamp,
    ) -> Result<(), LifecycleError> {
        self.record(to, reason, stamp, None)
    }

    fn check(
        from: TaskStatus,
        to: TaskStatus,
        reason: &Option<String>,
    ) -> Result<(), LifecycleError> {
        if !from.can_move_to(to) {
            return Err(LifecycleError::Illegal { from, to });
        }
        if to.needs_reason() && reason.is_none() {
            return Err(LifecycleError::ReasonRequired { from, to });
        }
        Ok(())
    }

    /// Records a change (or, for a vendor update, a note that keeps the
    /// status when `to` is the current status).
    pub(crate) fn record(
        &mut self,
        to: TaskStatus,
        reason: Option<&str>,
        stamp: &Stamp,
        vendor_status: Option<String>,
    ) -> Result<(), LifecycleError> {
        let reason = clean_reason(reason);
        let from = self.status;
        if !(vendor_status.is_some() && from == to) {
            Self::check(from, to, &reason)?;
        }
        self.history.push(StatusChange {
            from,
            to,
            at: stamp.at.clone(),
            by: stamp.by.clone(),
            reason,
            vendor_status,
        });
        self.status = to;
        Ok(())
    }
}

impl TryFrom<LifecycleRecord> for ReferralLifecycle {
    type Error = LifecycleError;

    fn try_from(record: LifecycleRecord) -> Result<Self, Self::Error> {
        let mut status = TaskStatus::Draft;
        for (index, change) in record.history.iter().enumerate() {
            let bad = |message: String| LifecycleError::History { index, message };
            if change.from != status {
                return Err(bad(format!(
                    "starts from {} but the referral was {status}",
                    change.from
                )));
            }
            if change.by.trim().is_empty() {
                return Err(bad("no actor".into()));
            }
            let kept = change.vendor_status.is_some() && change.from == change.to;
            if !kept {
                Self::check(
                    change.from,
                    change.to,
                    &clean_reason(change.reason.as_deref()),
                )
                .map_err(|e| bad(e.to_string()))?;
            }
            status = change.to;
        }
        if status != record.status {
            return Err(LifecycleError::History {
                index: record.history.len(),
                message: format!(
                    "status {} does not match the history, which ends in {status}",
                    record.status
                ),
            });
        }
        Ok(ReferralLifecycle {
            status,
            history: record.history,
        })
    }
}

impl From<ReferralLifecycle> for LifecycleRecord {
    fn from(l: ReferralLifecycle) -> Self {
        LifecycleRecord {
            status: l.status,
            history: l.history,
        }
    }
}
