//! Stable UUIDs derived from source ids.
//!
//! HSDS requires UUID ids, and legacy exports use integers, Parse object ids
//! or their own UUIDs. Converting the same export twice must give the same
//! ids (so referrals and bookmarks survive a re-import), hence UUIDv5: a hash
//! of a fixed carenav namespace, the source's namespace and the source id.

use uuid::Uuid;

/// carenav's own UUIDv5 namespace; never change it, or every derived id changes.
const CARENAV_NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2d3e_9a4b_4c5d_8e7f_0a1b_2c3d_4e5f);

/// A UUIDv5 for the record `source_id` of `namespace`.
///
/// `namespace` names the source and record kind (`"ohana-smc/location"`), so
/// that the same integer id in two tables or two exports gives two ids.
///
/// ```
/// use carenav_hsds::ids::stable_id;
/// let a = stable_id("ohana-smc/location", "2");
/// assert_eq!(a, stable_id("ohana-smc/location", "2"));
/// assert_ne!(a, stable_id("ohana-smc/service", "2"));
/// assert_eq!(a.len(), 36);
/// ```
pub fn stable_id(namespace: &str, source_id: &str) -> String {
    // The separator cannot be confused with either part: a namespace with a
    // newline is not something a converter writes.
    let name = format!("{namespace}\n{source_id}");
    Uuid::new_v5(&CARENAV_NAMESPACE, name.as_bytes()).to_string()
}

/// A UUIDv5 for the `index`-th child of kind `kind` (phone, schedule, address…)
/// of the record with id `parent_id`.
///
/// ```
/// use carenav_hsds::ids::child_id;
/// assert_ne!(child_id("p", "phone", 0), child_id("p", "phone", 1));
/// assert_eq!(child_id("p", "phone", 0), child_id("p", "phone", 0));
/// ```
pub fn child_id(parent_id: &str, kind: &str, index: usize) -> String {
    stable_id(&format!("{parent_id}/{kind}"), &index.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_5_uuids() {
        let id = stable_id("linksf/facility", "JPJwEegZCQ");
        let parsed = Uuid::parse_str(&id).ok();
        assert_eq!(parsed.map(|u| u.get_version_num()), Some(5));
    }

    #[test]
    fn namespace_and_id_do_not_run_together() {
        assert_ne!(stable_id("a", "bc"), stable_id("ab", "c"));
    }
}
