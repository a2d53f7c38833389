//! Compiled-in tables keyed by their first column, looked up through a hash table that
//! `build.rs` precomputes: nothing is parsed up front, and only the pages a lookup reads are
//! loaded (the lexicon's WordNet and thesaurus tables, the word vectors' vocabularies).

use crate::fnv::fnv1a;

/// One table: its text, the byte offset of each line, and the hash slots (line number + 1, 0
/// for an empty slot), as little-endian u32s.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    text: &'static str,
    starts: &'static [u8],
    slots: &'static [u8],
}

fn read_u32(bytes: &[u8], k: usize) -> Option<usize> {
    let b: [u8; 4] = bytes.get(k * 4..k * 4 + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(b) as usize)
}

impl Table {
    /// A table over `text`, with the line starts and hash slots `build.rs` wrote for it.
    pub const fn new(text: &'static str, starts: &'static [u8], slots: &'static [u8]) -> Table {
        Table {
            text,
            starts,
            slots,
        }
    }

    /// How many lines the table has.
    pub fn len(&self) -> usize {
        self.starts.len() / 4
    }

    /// Byte offset of line `i` (the text's length past the end).
    fn start(&self, i: usize) -> usize {
        read_u32(self.starts, i).unwrap_or(self.text.len())
    }

    /// Line `i`, without its newline ("" past the end).
    pub fn line(&self, i: usize) -> &'static str {
        let (start, end) = (self.start(i), self.start(i + 1).min(self.text.len()));
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('\n')
    }

    /// The number of the line whose first column is `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        let size = self.slots.len() / 4;
        // No first column holds a tab or a line break.
        if size == 0 || key.bytes().any(|b| b == b'\t' || b == b'\n') {
            return None;
        }
        let mut h = fnv1a(key) & (size - 1);
        let text = self.text.as_bytes();
        for _ in 0..size {
            let line = read_u32(self.slots, h)?.checked_sub(1)?;
            // The key is the line's start up to a tab (or the line's end): compared in place.
            let start = self.start(line);
            let end = start + key.len();
            if text.get(start..end) == Some(key.as_bytes())
                && matches!(text.get(end), None | Some(b'\t' | b'\n'))
            {
                return Some(line);
            }
            h = (h + 1) & (size - 1);
        }
        None
    }

    /// The rest of the line (after the first tab) whose first column is `key`.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let line = self.line(self.find(key)?);
        Some(line.split_once('\t').map_or("", |(_, rest)| rest))
    }
}
