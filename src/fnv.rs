//! FNV-1a, the hash of the lexicon's precomputed tables: `build.rs` places each key with it
//! and `lexicon` finds it with it, so both include this one file.

/// The 64-bit FNV-1a hash of `key`.
pub fn fnv1a(key: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as usize
}
