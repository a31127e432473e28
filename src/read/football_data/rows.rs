//! How a CSV file's rows are found: by the `csv` crate, or, for a file without quotes, by a
//! plain split at line breaks and delimiters that gives the same records faster.

/// Where a file's rows come from: the `csv` crate, which knows quotes and every line ending,
/// or, for a file that has no quote and no carriage return outside a `\r\n`, a plain
/// split at line breaks and delimiters, which gives the same records several times faster.
pub(super) enum Rows<'t> {
    Csv(csv::Reader<&'t [u8]>),
    Plain {
        text: &'t [u8],
        /// The next row's byte offset, and its 1-based line.
        at: usize,
        line: u64,
        delimiter: u8,
    },
}

impl<'t> Rows<'t> {
    /// The rows after the header `reader` has read: split plainly when `plain` (the text has
    /// no quote and no carriage return outside a `\r\n`), else by the `csv` crate.
    pub(super) fn new(
        reader: csv::Reader<&'t [u8]>,
        text: &'t str,
        delimiter: u8,
        plain: bool,
    ) -> Rows<'t> {
        let bytes = text.as_bytes();
        if !plain {
            return Rows::Csv(reader);
        }
        let position = reader.position();
        Rows::Plain {
            text: bytes,
            at: position.byte() as usize,
            line: position.line(),
            delimiter,
        }
    }

    /// The next row: a line of a plain file (not yet split), or a record read into `row`
    /// (with its position); `None` at the end. Empty lines are skipped, as the `csv` crate
    /// skips them.
    pub(super) fn next(
        &mut self,
        row: &mut csv::ByteRecord,
    ) -> Result<Option<Next<'t>>, csv::Error> {
        match self {
            Rows::Csv(reader) => Ok(reader.read_byte_record(row)?.then_some(Next::Record)),
            Rows::Plain { text, at, line, .. } => {
                while *at < text.len() {
                    let start = *at;
                    let end =
                        memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
                    let content = &text[start..end];
                    let content = content.strip_suffix(b"\r").unwrap_or(content);
                    let this_line = *line;
                    *at = end + 1;
                    *line += 1;
                    if !content.is_empty() {
                        return Ok(Some(Next::Line {
                            content,
                            start,
                            line: this_line,
                        }));
                    }
                }
                Ok(None)
            }
        }
    }

    /// Splits a plain file's line into `row`, as the `csv` crate would read it.
    ///
    /// At most `fields` fields are kept as they are; the rest of a longer line becomes one
    /// last field, empty when every field in it is (so that a row of empty fields is still
    /// one), so that a line of millions of delimiters costs no more than its text.
    pub(super) fn split_into(&self, next: &Next<'_>, row: &mut csv::ByteRecord, fields: usize) {
        let (
            Rows::Plain { delimiter, .. },
            Next::Line {
                content,
                start,
                line,
            },
        ) = (self, next)
        else {
            return;
        };
        row.clear();
        let mut rest = Some(&content[..]);
        while let Some(text) = rest {
            if row.len() == fields {
                let empty = |f: &[u8]| std::str::from_utf8(f).is_ok_and(|f| f.trim().is_empty());
                let all_empty = text.split(|b| b == delimiter).all(empty);
                row.push_field(if all_empty { b"" } else { text });
                break;
            }
            match memchr::memchr(*delimiter, text) {
                Some(i) => {
                    row.push_field(&text[..i]);
                    rest = Some(&text[i + 1..]);
                }
                None => {
                    row.push_field(text);
                    rest = None;
                }
            }
        }
        let mut position = csv::Position::new();
        position.set_byte(*start as u64).set_line(*line);
        row.set_position(Some(position));
    }

    /// The byte offset of the next row (for the `csv` crate's records, of the last one read).
    pub(super) fn offset(&self) -> usize {
        match self {
            Rows::Plain { at, .. } => *at,
            Rows::Csv(reader) => reader.position().byte() as usize,
        }
    }

    /// The line of the next row.
    pub(super) fn line(&self) -> u64 {
        match self {
            Rows::Plain { line, .. } => *line,
            Rows::Csv(reader) => reader.position().line(),
        }
    }

    /// The delimiter of a plain file's lines.
    pub(super) fn delimiter(&self) -> u8 {
        match self {
            Rows::Plain { delimiter, .. } => *delimiter,
            Rows::Csv(_) => b',',
        }
    }
}

/// One row from [`Rows::next`].
pub(super) enum Next<'t> {
    /// A record, read into the caller's `csv::ByteRecord`.
    Record,
    /// A line of a plain file: its text (without its line break), byte offset and line.
    Line {
        content: &'t [u8],
        start: usize,
        line: u64,
    },
}
