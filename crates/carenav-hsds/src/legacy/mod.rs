//! Converters from legacy directory exports to the carenav directory.
