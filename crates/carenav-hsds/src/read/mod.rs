//! HSDS 3.0 import: JSON, NDJSON, directories of files, tabular data packages.
