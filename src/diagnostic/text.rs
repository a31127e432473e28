//! The text of an input file: read whole into memory (rule files, data files, season
//! summaries, standard input: at most [`super::MAX_INPUT`]) or mapped from the file (results
//! files of any size: football-data CSV, football.json), so that a 530 MB season history costs
//! the pages being read, not its size in memory.
//!
//! A mapped file is validated as UTF-8 once, a chunk at a time, and a reader that has finished
//! with a stretch of it says so ([`Text::done_with`]): the kernel then drops those pages from
//! the process (they stay in the page cache and come back if a diagnostic quotes them). The
//! usual caveat of mapped files applies: a file truncated or rewritten while it is being read
//! may end the process with a bus error; a file changed in place while mapped is undefined.

use std::ops::Deref;
use std::sync::Arc;

/// How much of a mapped file is validated before its pages are released.
const CHUNK: usize = 1 << 20;

/// An input's text: shared, cheap to clone, dereferencing to `str`.
#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Arc<str>),
    Mapped(Arc<Mapped>),
}

/// A file mapped into memory whose bytes `start..end` were checked to be UTF-8.
struct Mapped {
    map: memmap2::Mmap,
    /// Past a byte-order mark, if any.
    start: usize,
    /// The end of the text: the file's end, or its first byte that is not UTF-8.
    end: usize,
}

/// Why a file could not be mapped as text.
pub enum MapError {
    /// The file could not be mapped.
    Io(std::io::Error),
    /// The bytes are not UTF-8: the valid text before the first bad byte, and the byte.
    NotUtf8 {
        /// The text before the bad byte, to locate it by line and column.
        valid: Text,
        /// The bad byte.
        byte: u8,
    },
}

impl Text {
    /// Maps `file` and checks it is UTF-8. A leading byte-order mark is left out of the text.
    pub fn map(file: &std::fs::File) -> Result<Text, MapError> {
        // SAFETY: the map is read-only; the caveat of a file changed while mapped is the one
        // in this module's documentation (as for every tool that maps its input).
        let map = unsafe { memmap2::Mmap::map(file) }.map_err(MapError::Io)?;
        let start = if map.starts_with("\u{feff}".as_bytes()) {
            3
        } else {
            0
        };
        let end = map.len();
        let mut mapped = Mapped { map, start, end };
        let bytes = &mapped.map[start..];
        let mut at = 0;
        while at < bytes.len() {
            // A chunk may end inside a character: validate up to the last boundary found.
            let end = (at + CHUNK).min(bytes.len());
            let valid = match std::str::from_utf8(&bytes[at..end]) {
                Ok(_) => end - at,
                Err(e) if e.error_len().is_none() && end < bytes.len() => e.valid_up_to(),
                Err(e) => {
                    let bad = at + e.valid_up_to();
                    let byte = bytes[bad];
                    mapped.end = start + bad;
                    return Err(MapError::NotUtf8 {
                        valid: Text(Repr::Mapped(Arc::new(mapped))),
                        byte,
                    });
                }
            };
            at += valid;
            mapped.release(start + at - valid..start + at);
        }
        Ok(Text(Repr::Mapped(Arc::new(mapped))))
    }

    /// Whether the text is mapped from its file rather than held in memory.
    pub fn is_mapped(&self) -> bool {
        matches!(self.0, Repr::Mapped(_))
    }

    /// Says that the reader has finished with the text in `range`: a mapped file's whole
    /// pages there leave the process's memory (read again from the file if asked for). Text
    /// held in memory is unaffected.
    pub fn done_with(&self, range: std::ops::Range<usize>) {
        if let Repr::Mapped(m) = &self.0 {
            m.release(m.start + range.start..m.start + range.end);
        }
    }

    /// Whether `found` holds for any stretch of the text's bytes, looked at a stretch at a time
    /// (each stretch with the bytes after it, for a look ahead) so that a mapped file's pages
    /// are released as the scan passes them rather than all held at once.
    pub fn any_stretch(&self, mut found: impl FnMut(&[u8], &[u8]) -> bool) -> bool {
        let bytes = self.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = (at + CHUNK).min(bytes.len());
            if found(&bytes[at..end], &bytes[end..]) {
                return true;
            }
            self.done_with(at..end);
            at = end;
        }
        false
    }

    /// Whether two texts are the same one (not merely equal).
    pub fn same(&self, other: &Text) -> bool {
        match (&self.0, &other.0) {
            (Repr::Owned(a), Repr::Owned(b)) => Arc::ptr_eq(a, b),
            (Repr::Mapped(a), Repr::Mapped(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Mapped {
    /// Drops the whole pages in `range` of the map from the process's memory.
    fn release(&self, range: std::ops::Range<usize>) {
        const PAGE: usize = 4096;
        let start = range.start.div_ceil(PAGE) * PAGE;
        let end = range.end.min(self.map.len()) / PAGE * PAGE;
        if end <= start {
            return;
        }
        // SAFETY: the map is a read-only mapping of a file: pages dropped are read from the
        // file again when next touched, so no byte anyone holds a reference to changes.
        // Advice is only advice: a failure leaves the pages resident, which is harmless.
        #[cfg(unix)]
        let _ = unsafe {
            self.map
                .unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start)
        };
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Repr::Owned(text) => text,
            // SAFETY: `Text::map` checked these bytes are UTF-8, and the map is read-only.
            Repr::Mapped(m) => unsafe { std::str::from_utf8_unchecked(&m.map[m.start..m.end]) },
        }
    }
}

impl From<Arc<str>> for Text {
    fn from(text: Arc<str>) -> Text {
        Text(Repr::Owned(text))
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.is_mapped() { "mapped" } else { "owned" };
        write!(f, "Text({kind}, {} bytes)", self.len())
    }
}

/// Whether a file of `size` bytes is mapped rather than read: large enough that a copy in
/// memory would cost more than mapping it.
pub fn worth_mapping(size: u64) -> bool {
    size > 1 << 20
}
