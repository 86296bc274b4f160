//! Stable UUIDs derived from source ids.
