//! Small serde helpers shared by the tool records.

/// For `skip_serializing_if` on `bool` fields that default to `false`.
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

/// For `skip_serializing_if` on numbers that default to zero.
pub(crate) fn is_zero_i64(n: &i64) -> bool {
    *n == 0
}
