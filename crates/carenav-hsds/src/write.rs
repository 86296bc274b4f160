//! HSDS 3.0 export.
