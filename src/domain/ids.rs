//! Record ids: short, URL-safe, and roughly sortable by creation time.
//!
//! An id is the creation time in milliseconds written in base 36 and padded
//! to [`TIME_WIDTH`] characters, followed by [`ENTROPY_WIDTH`] base-36
//! characters of caller-supplied randomness. Padding keeps plain string order
//! equal to time order, so a list sorted by id is sorted by creation time
//! without parsing. The domain has no clock and no random source, so both
//! parts are passed in (the app uses `Date.now()` and `crypto`).

/// Characters of the time part. 36^9 ms is about 3,200 years, so every real
/// timestamp fits and ids keep one length.
pub const TIME_WIDTH: usize = 9;
/// Characters of the entropy part: 36^4 = 1,679,616 values, plenty to keep two
/// records made in the same millisecond apart.
pub const ENTROPY_WIDTH: usize = 4;
/// Longest id we accept from storage or an address. Generous, so ids made by
/// an older or newer version still pass.
pub const MAX_ID_LEN: usize = 40;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const ENTROPY_RANGE: u32 = 36 * 36 * 36 * 36;

/// A new id from the current time and a random number, e.g. `"0mmhk2x4q3f9z"`.
///
/// Times before 1970 are treated as 0 (a broken clock must not give an id
/// with a minus sign in it).
pub fn new_id(now_ms: i64, entropy: u32) -> String {
    let mut out = String::with_capacity(TIME_WIDTH + ENTROPY_WIDTH);
    push_base36(&mut out, now_ms.max(0) as u64, TIME_WIDTH);
    push_base36(&mut out, u64::from(entropy % ENTROPY_RANGE), ENTROPY_WIDTH);
    out
}

/// True when `s` could be an id: 1 to [`MAX_ID_LEN`] ASCII letters, digits,
/// `-` or `_`. Used to check an id taken from an address or an imported file
/// before it becomes part of a storage key.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The creation time encoded in an id made by [`new_id`], if it has one.
pub fn id_time_ms(id: &str) -> Option<i64> {
    if id.len() != TIME_WIDTH + ENTROPY_WIDTH {
        return None;
    }
    let mut n: i64 = 0;
    for b in id.bytes().take(TIME_WIDTH) {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            _ => return None,
        };
        n = n.checked_mul(36)?.checked_add(i64::from(d))?;
    }
    Some(n)
}

/// Writes `n` in base 36, left-padded with zeros to at least `width` digits.
fn push_base36(out: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 16];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    let start = i.min(buf.len() - width.min(buf.len()));
    for &b in &buf[start..] {
        out.push(b as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_thirteen_lowercase_url_safe_characters() {
        let id = new_id(1_772_900_000_000, 123_456);
        assert_eq!(id.len(), TIME_WIDTH + ENTROPY_WIDTH);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        assert!(is_valid_id(&id));
    }

    #[test]
    fn later_ids_sort_after_earlier_ids_as_plain_strings() {
        let mut prev = new_id(0, u32::MAX);
        for ms in [
            1,
            35,
            36,
            1_000,
            999_999_999,
            1_772_900_000_000,
            4_102_444_800_000,
        ] {
            let id = new_id(ms, 0);
            assert!(id > prev, "{id} should sort after {prev}");
            prev = id;
        }
    }

    #[test]
    fn the_same_millisecond_with_different_entropy_gives_different_ids() {
        let a = new_id(1_772_900_000_000, 1);
        let b = new_id(1_772_900_000_000, 2);
        assert_ne!(a, b);
        assert_eq!(a[..TIME_WIDTH], b[..TIME_WIDTH]);
    }

    #[test]
    fn entropy_is_reduced_to_four_characters() {
        assert_eq!(&new_id(0, 0)[TIME_WIDTH..], "0000");
        assert_eq!(&new_id(0, ENTROPY_RANGE - 1)[TIME_WIDTH..], "zzzz");
        assert_eq!(&new_id(0, ENTROPY_RANGE)[TIME_WIDTH..], "0000");
        assert_eq!(new_id(0, u32::MAX).len(), 13);
    }

    #[test]
    fn a_clock_before_1970_gives_a_zero_time_part_not_a_minus_sign() {
        assert_eq!(new_id(-5, 0), "0000000000000");
    }

    #[test]
    fn the_time_can_be_read_back_from_an_id() {
        let ms = 1_772_900_000_123;
        assert_eq!(id_time_ms(&new_id(ms, 77)), Some(ms));
        assert_eq!(id_time_ms("short"), None);
        assert_eq!(id_time_ms("ABCDEFGHIJKLM"), None);
    }

    #[test]
    fn ids_with_slashes_spaces_or_too_many_characters_are_not_valid() {
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("é"));
        assert!(!is_valid_id(&"a".repeat(MAX_ID_LEN + 1)));
        assert!(is_valid_id("old-style_id-42"));
    }
}
