//! Located, coded error messages for bad input, rendered by `codespan-reporting`.
//!
//! Every mistake in an input is a [`Diagnostic`]: a stable [`Code`], what is wrong and what was
//! expected, and labels pointing into the files involved (the data file's line and, when the
//! data contradicts its rules, the rule file's line too). [`Source`] keeps a file's text so a
//! byte span can be shown as a line and column with the line beneath. Readers and validation
//! collect their diagnostics in [`Diagnostics`] (up to [`MAX_DIAGNOSTICS`]) rather than
//! stopping at the first; a file with mistakes stops the run after that file.

pub mod code;
pub mod text;

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::Files;
use codespan_reporting::term;

pub use code::Code;
pub use text::Text;

/// The largest input read: 32 MiB. Real rule files, data files and season summaries are a few
/// kilobytes; a larger input is refused before it is read whole, so memory stays bounded.
pub const MAX_INPUT: u64 = 32 << 20;

/// The most diagnostics one run reports; the rest are counted, not printed.
pub const MAX_DIAGNOSTICS: usize = 50;

/// The error for an input larger than [`MAX_INPUT`] of a kind read whole.
pub fn too_large(path: &Path) -> Diagnostic {
    Diagnostic::new(
        Code::TooLarge,
        format!(
            "{}: the input is larger than {} MiB; expected a rule file, data file or season summary, which are far smaller",
            path.display(),
            MAX_INPUT >> 20
        ),
    )
}

/// The error for a file that cannot be opened or read.
fn cannot_read(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::CannotRead,
        format!("{}: cannot read the file: {e}", path.display()),
    )
}

/// Why reading a stream failed.
#[derive(Debug)]
pub enum ReadError {
    /// The stream could not be read.
    Io(std::io::Error),
    /// It was read but refused (too large, not UTF-8).
    Diagnostic(Diagnostic),
}

/// The text of one input file, kept so that byte spans can be reported as lines and columns.
/// Cloning shares the text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or `<stdin>` for standard input).
    pub path: PathBuf,
    /// The whole text of the file, in memory or mapped from it ([`Text`]).
    pub text: Text,
    /// Where each line starts, found the first time a line is asked for (shared by clones), so
    /// that locating many things in a large file costs one scan, not one per thing.
    line_starts: Arc<OnceLock<Vec<usize>>>,
}

impl Source {
    /// Reads a file as UTF-8 text; a missing file, a file larger than [`MAX_INPUT`] or a file
    /// that is not UTF-8 is an error naming it.
    pub fn read(path: &Path) -> Result<Source, Diagnostic> {
        let cannot = |e| cannot_read(path, e);
        let file = std::fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_or(0, |m| m.len());
        if size > MAX_INPUT {
            return Err(too_large(path));
        }
        Source::from_reader(path, file, size as usize).map_err(|e| match e {
            ReadError::Io(e) => cannot(e),
            ReadError::Diagnostic(d) => d,
        })
    }

    /// Reads a results file of any size (football-data CSV, football.json): a large one is
    /// mapped rather than read whole ([`Text`]). A caller that finds the file is of a kind
    /// written by hand refuses it above [`MAX_INPUT`] (`read::refuse_too_large`).
    pub fn read_any_size(path: &Path) -> Result<Source, Diagnostic> {
        let cannot = |e| cannot_read(path, e);
        let file = std::fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_or(0, |m| m.len());
        if !text::worth_mapping(size) {
            return Source::read(path);
        }
        match Text::map(&file) {
            Ok(text) => Ok(Source {
                path: path.to_path_buf(),
                text,
                line_starts: Arc::default(),
            }),
            Err(text::MapError::Io(e)) => Err(cannot(e)),
            Err(text::MapError::NotUtf8 { valid, byte }) => {
                let offset = valid.len();
                let source = Source {
                    path: path.to_path_buf(),
                    text: valid,
                    line_starts: Arc::default(),
                };
                Err(source.error(
                    Code::NotUtf8,
                    offset..offset,
                    format!("the file is not valid UTF-8 (byte 0x{byte:02x}); expected UTF-8 text"),
                ))
            }
        }
    }

    /// Reads text from a stream (a file, standard input), refusing more than [`MAX_INPUT`]
    /// bytes without reading them all.
    pub fn from_reader(
        path: &Path,
        reader: impl std::io::Read,
        size_hint: usize,
    ) -> Result<Source, ReadError> {
        let mut bytes = Vec::with_capacity(size_hint.saturating_add(1));
        reader
            .take(MAX_INPUT + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if bytes.len() as u64 > MAX_INPUT {
            return Err(ReadError::Diagnostic(too_large(path)));
        }
        Source::from_bytes(path, bytes).map_err(ReadError::Diagnostic)
    }

    /// Wraps bytes read elsewhere (standard input); bytes that are not UTF-8 are a located error.
    /// A leading byte-order mark is dropped.
    pub fn from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<Source, Diagnostic> {
        // A byte-order mark says only that the text is UTF-8; no reader wants it, and a bad
        // byte's column is counted without it.
        if bytes.starts_with("\u{feff}".as_bytes()) {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                // A byte-order mark says only that the text is UTF-8; no reader wants it.
                if text.starts_with('\u{feff}') {
                    text.drain(..'\u{feff}'.len_utf8());
                }
                Ok(Source::new(path, text))
            }
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                // Report the position using the valid prefix, which is all we can show.
                let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                Err(Source::new(path, prefix).error(
                    Code::NotUtf8,
                    offset..offset,
                    format!(
                        "the file is not valid UTF-8 (byte 0x{:02x}); expected UTF-8 text",
                        bytes[offset]
                    ),
                ))
            }
        }
    }

    /// Wraps text that did not come from disk (tests, standard input).
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Source {
        Source {
            path: path.into(),
            text: Text::from(text.into()),
            line_starts: Arc::default(),
        }
    }

    /// A diagnostic pointing at `span` (byte offsets into the text).
    pub fn error(&self, code: Code, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, message).with_label(self.label(span, ""))
    }

    /// A label pointing at `span`, with a message of its own (may be empty).
    pub fn label(&self, span: Range<usize>, message: impl Into<String>) -> Label {
        Label {
            source: self.clone(),
            span: self.clamp(span),
            message: printable_message(message.into()),
        }
    }

    /// The span, moved onto character boundaries inside the text.
    fn clamp(&self, span: Range<usize>) -> Range<usize> {
        let boundary = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = boundary(span.start);
        start..boundary(span.end.max(start))
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if self.text.is_mapped() {
            // A results file of any size: its lines are counted, not indexed (an index costs
            // memory for every line of the file, for a message about one of them).
            return 1 + memchr::memchr_iter(b'\n', &self.text.as_bytes()[..offset]).count();
        }
        self.line_starts().partition_point(|&start| start <= offset)
    }

    /// The byte offset where each line starts (the first at 0).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let breaks = self.text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
            std::iter::once(0)
                .chain(breaks.map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset..offset).start;
        let line_start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        (
            self.line_of(offset),
            self.text[line_start..offset].chars().count() + 1,
        )
    }

    /// The byte span of 1-based `line` (without its line break); the end of the text when the
    /// file is shorter.
    pub fn line_span(&self, line: usize) -> Range<usize> {
        if self.text.is_mapped() {
            let bytes = self.text.as_bytes();
            let start = match line.max(1) - 1 {
                0 => 0,
                breaks => match memchr::memchr_iter(b'\n', bytes).nth(breaks - 1) {
                    Some(i) => i + 1,
                    None => return bytes.len()..bytes.len(),
                },
            };
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            return start..end;
        }
        let starts = self.line_starts();
        let Some(&start) = starts.get(line.max(1) - 1) else {
            return self.text.len()..self.text.len();
        };
        let end = starts
            .get(line.max(1))
            .map_or(self.text.len(), |&next| next - 1);
        start..end
    }

    /// A diagnostic about the file as a whole (an empty file, a missing section), reported at
    /// its first line and column.
    pub fn error_whole(&self, code: Code, message: impl Into<String>) -> Diagnostic {
        self.error(code, 0..0, message)
    }

    /// Converts a TOML parse or type error into a located diagnostic, adding a "did you mean"
    /// suggestion when the error is an unknown key close to a known one.
    pub fn toml_error(&self, error: &toml::de::Error) -> Diagnostic {
        let raw = error.message().trim_end();
        let code = if raw.starts_with("unknown field") {
            Code::UnknownKey
        } else if raw.starts_with("missing field") {
            Code::MissingKey
        } else if ["invalid type", "invalid value", "invalid length", "unknown variant"]
            .iter()
            .any(|p| raw.starts_with(p))
            // The project's own value checks (decimals) say "…; expected …".
            || raw.contains("; expected")
        {
            Code::WrongValue
        } else {
            Code::TomlSyntax
        };
        if raw.contains("recursion") || raw.contains("recurse") {
            let (depth, at) = deepest_nesting(&self.text);
            return self.error(
                Code::TooDeep,
                at..at + 1,
                format!(
                    "TOML nested {depth} levels deep here (tables, arrays, dotted keys), more than can be read; expected the few levels a data or rule file has"
                ),
            );
        }
        let message = with_suggestion(raw);
        match error.span() {
            Some(span) => self.error(code, span, message),
            None => self.error_whole(code, message),
        }
    }
}

/// How deep TOML text nests (table headers' and keys' dotted parts, arrays, inline tables)
/// at its deepest, and the byte offset where that depth is first reached. Strings and comments
/// are skipped; the count is for locating a "recursion limit" error, not a TOML parser.
fn deepest_nesting(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut best, mut best_at) = (0, 0);
    let mut header = 0; // the depth the last [table] header opened
    let mut stack: Vec<u8> = Vec::new(); // open `[` and `{` of values
    let mut key_dots = 0;
    let mut in_key = true;
    let mut line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start && stack.is_empty() && !b.is_ascii_whitespace() {
            line_start = false;
            in_key = true;
            key_dots = 0;
            if b == b'[' {
                // A table header: its depth is its dotted parts.
                let end = text[i..].find(['\n', ']']).map_or(bytes.len(), |e| i + e);
                header = text[i..end].matches('.').count() + 1;
                if header > best {
                    (best, best_at) = (header, i);
                }
                i = text[i..].find('\n').map_or(bytes.len(), |e| i + e);
                continue;
            }
        }
        match b {
            b'\n' => line_start = true,
            b'#' => {
                i = text[i..].find('\n').map_or(bytes.len(), |e| i + e);
                continue;
            }
            b'"' | b'\'' => {
                // Skip the string (escapes in basic strings).
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b {
                    j += if b == b'"' && bytes[j] == b'\\' { 2 } else { 1 };
                }
                i = j + 1;
                continue;
            }
            b'.' if in_key => key_dots += 1,
            b'=' => in_key = false,
            b'[' | b'{' => {
                stack.push(b);
                in_key = b == b'{';
                key_dots = 0;
            }
            b']' | b'}' => {
                stack.pop();
            }
            b',' => {
                in_key = stack.last() == Some(&b'{');
                key_dots = 0;
            }
            _ => {}
        }
        let depth = header + stack.len() + key_dots + 1;
        if depth > best && !b.is_ascii_whitespace() {
            (best, best_at) = (depth, i);
        }
        i += 1;
    }
    (best, best_at)
}

/// Where a label points: file, line and column (1-based, columns in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A place in a file that a diagnostic points at, with what is there.
#[derive(Debug, Clone)]
pub struct Label {
    /// The file (its text shared, not copied).
    pub source: Source,
    /// Byte offsets into the text.
    pub span: Range<usize>,
    /// What this place contributes ("the rules say 1 here"); may be empty.
    pub message: String,
}

impl Label {
    /// The label's file, line and column.
    pub fn location(&self) -> Location {
        let (line, column) = self.source.line_column(self.span.start);
        Location {
            path: self.source.path.clone(),
            line,
            column,
        }
    }
}

impl PartialEq for Label {
    fn eq(&self, other: &Label) -> bool {
        self.source.path == other.source.path
            && self.span == other.span
            && self.message == other.message
    }
}

impl Eq for Label {}

/// A message about bad input: a stable code, what is wrong and what was expected, and the
/// places in the files involved (the first label is the primary one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind of mistake.
    pub code: Code,
    /// What is wrong and what was expected.
    pub message: String,
    /// The places involved; the first is where the mistake is.
    pub labels: Vec<Label>,
    /// Further explanation, printed after the places (`= note: ...`): why a file was read as
    /// the format it was.
    pub notes: Vec<String>,
    /// Whether the files' text is kept out of the message: a file that did not read as what
    /// it was meant to be (see [`Diagnostic::withhold_text`]) is shown by place only.
    pub withheld: bool,
}

impl Diagnostic {
    /// A diagnostic about no place in a file (an unreadable file, a usage mistake); its message
    /// names what it is about.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: bounded(message.into()),
            labels: Vec::new(),
            notes: Vec::new(),
            withheld: false,
        }
    }

    /// The diagnostic, with `message` in place of its own, about a file that did not read as
    /// what it was meant to be (a rule file named by a data file that is not TOML, or not a
    /// rule file: perhaps a secret): the places stay (file, line, column) but no line of the
    /// file is quoted. `message` must not quote the file either.
    pub fn withhold_text(mut self, message: String) -> Diagnostic {
        self.message = bounded(message);
        self.withheld = true;
        self
    }

    /// Adds a place: the first added is the primary one.
    pub fn with_label(mut self, label: Label) -> Diagnostic {
        self.labels.push(label);
        self
    }

    /// Adds a note, printed after the places.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(printable_message(note.into()));
        self
    }

    /// Where the mistake is: the primary label's file, line and column.
    pub fn location(&self) -> Option<Location> {
        self.labels.first().map(Label::location)
    }

    /// The diagnostic as one JSON object (`--message-format json`, documented in
    /// `docs/errors.md`).
    pub fn to_json(&self) -> serde_json::Value {
        let labels: Vec<serde_json::Value> = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let (line, column) = l.source.line_column(l.span.start);
                let (end_line, end_column) = l.source.line_column(l.span.end);
                serde_json::json!({
                    "file": l.source.path.display().to_string(),
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "primary": i == 0,
                    "message": l.message,
                })
            })
            .collect();
        let mut json = serde_json::json!({
            "severity": "error",
            "code": self.code.as_str(),
            "message": self.message,
            "labels": labels,
        });
        if !self.notes.is_empty() {
            json["notes"] = serde_json::json!(self.notes);
        }
        json
    }
}

/// The longest line a snippet shows whole, in characters; a longer one is shown as a window
/// around the label, so a 20 MB line is never printed.
pub const MAX_LINE_CHARS: usize = 200;

/// What of a long line a snippet shows: characters before the label's start, and in all.
const WINDOW_BEFORE: usize = 40;
const WINDOW_CHARS: usize = 120;

/// A part of one long line, shown in place of the whole line: `…` where it is cut.
struct Window<'a> {
    path: &'a Path,
    text: String,
    /// The line's 1-based number in the file.
    line: usize,
    /// The 1-based column (in characters) of the window's first character after any `…`.
    column: usize,
    /// Bytes of the leading `…` (0 when the line is shown from its start).
    prefix: usize,
}

/// One file as a snippet shows it: whole (its text [`printable`]), or a window of one long line.
enum View<'a> {
    Whole(&'a Source, std::borrow::Cow<'a, str>),
    Window(Window<'a>),
}

/// `text` with every control character but the line structure (a line break, a tab, a carriage
/// return before a line break) replaced by `?`s of the same length in bytes, so that a quoted
/// line can neither break into lines of its own nor drive the terminal, and spans still fit.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let kept = |i: usize, c: char| {
        !c.is_control() || c == '\n' || c == '\t' || (c == '\r' && text[i + 1..].starts_with('\n'))
    };
    if text.char_indices().all(|(i, c)| kept(i, c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if kept(i, c) {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The files a diagnostic's labels point into, for `codespan-reporting`. Lines are found when
/// asked, not indexed up front: a diagnostic about a 500 MB results file costs one scan.
struct LabelFiles<'a> {
    views: Vec<View<'a>>,
}

impl<'a> Files<'a> for LabelFiles<'a> {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<Self::Name, codespan_reporting::files::Error> {
        let path = match self.view(id)? {
            View::Whole(s, _) => &s.path,
            View::Window(w) => w.path,
        };
        Ok(printable_message(path.display().to_string()))
    }

    fn source(&'a self, id: usize) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(match self.view(id)? {
            View::Whole(_, shown) => shown.as_ref(),
            View::Window(w) => &w.text,
        })
    }

    fn line_index(
        &'a self,
        id: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(match self.view(id)? {
            View::Whole(s, _) => s.line_of(byte) - 1,
            View::Window(_) => 0,
        })
    }

    fn line_number(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(match self.view(id)? {
            View::Whole(..) => line_index + 1,
            View::Window(w) => w.line,
        })
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        match self.view(id)? {
            View::Whole(_, shown) => {
                let range = self.line_range(id, line_index)?;
                Ok(codespan_reporting::files::column_index(shown, range, byte) + 1)
            }
            View::Window(w) => {
                let byte = byte.clamp(w.prefix, w.text.len());
                Ok(w.column + w.text[w.prefix..byte].chars().count())
            }
        }
    }

    fn line_range(
        &'a self,
        id: usize,
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        match self.view(id)? {
            View::Whole(source, _) => {
                let span = source.line_span(line_index + 1);
                // codespan-reporting expects the line break inside the range.
                let end = (span.end + 1).min(source.text.len());
                Ok(span.start..end.max(span.end))
            }
            View::Window(w) => Ok(0..w.text.len()),
        }
    }
}

impl<'a> LabelFiles<'a> {
    fn view(&self, id: usize) -> Result<&View<'a>, codespan_reporting::files::Error> {
        self.views
            .get(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    /// The file id and span a label is shown with: its file whole, or, when its line is longer
    /// than [`MAX_LINE_CHARS`] (or the label runs on over long lines), a window of its first
    /// line.
    fn add(&mut self, label: &'a Label) -> (usize, Range<usize>) {
        let source = &label.source;
        let span = label.span.clone();
        let line_no = source.line_of(span.start);
        let line = source.line_span(line_no);
        let text = &source.text[line.clone()];
        let long = text.chars().nth(MAX_LINE_CHARS).is_some();
        let runs_on = span.end > line.end + 1 && span.len() > MAX_LINE_CHARS * 4;
        // A mapped file (a results file of any size) is shown by the label's line alone.
        if !long && !runs_on && !source.text.is_mapped() {
            let id = match self.views.iter().position(|v| {
                matches!(v, View::Whole(s, _) if s.path == source.path && s.text.same(&source.text))
            }) {
                Some(id) => id,
                None => {
                    self.views.push(View::Whole(source, printable(&source.text)));
                    self.views.len() - 1
                }
            };
            return (id, span);
        }
        // Characters of the line before the label, and the window's first and last.
        let before = text[..span.start - line.start].chars().count();
        let first = before.saturating_sub(WINDOW_BEFORE);
        let byte_at = |chars: usize| {
            text.char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| i)
        };
        let (from, to) = (byte_at(first), byte_at(first + WINDOW_CHARS));
        let prefix = if from > 0 { "…" } else { "" };
        let mut shown = format!("{prefix}{}", printable(&text[from..to]));
        if to < text.len() {
            shown.push('…');
        }
        let start = prefix.len() + (span.start - line.start - from);
        let end = (start + span.len())
            .min(prefix.len() + (to - from))
            .max(start);
        self.views.push(View::Window(Window {
            path: &source.path,
            text: shown,
            line: line_no,
            column: first + 1,
            prefix: prefix.len(),
        }));
        (self.views.len() - 1, start..end)
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like rustc: `error[E206]: message`, then `--> file:line:column` and the line
    /// with the offending text underlined, for every label. A long line is shown cut, around
    /// the label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.withheld {
            write!(f, "error[{}]: {}", self.code, self.message)?;
            for label in &self.labels {
                let at = label.location();
                let path = printable_message(at.path.display().to_string());
                write!(f, "\n  --> {path}:{}:{}", at.line, at.column)?;
                if !label.message.is_empty() {
                    write!(f, ": {}", label.message)?;
                }
            }
            if let Some(label) = self.labels.first() {
                write!(
                    f,
                    "\n  = note: the text of {} is not shown: it did not read as the file it was named as",
                    printable_message(label.source.path.display().to_string())
                )?;
            }
            for note in &self.notes {
                write!(f, "\n  = note: {note}")?;
            }
            return Ok(());
        }
        let mut files = LabelFiles { views: Vec::new() };
        let mut labels = Vec::new();
        for (i, label) in self.labels.iter().enumerate() {
            let (id, span) = files.add(label);
            let l = if i == 0 {
                cs::Label::primary(id, span)
            } else {
                cs::Label::secondary(id, span)
            };
            labels.push(l.with_message(&label.message));
        }
        let diagnostic = cs::Diagnostic::error()
            .with_code(self.code.as_str())
            .with_message(&self.message)
            .with_labels(labels)
            .with_notes(self.notes.clone());
        let config = term::Config {
            chars: term::Chars::ascii(),
            ..term::Config::default()
        };
        let text = term::emit_into_string(&config, &files, &diagnostic).map_err(|_| fmt::Error)?;
        f.write_str(text.trim_end())
    }
}

impl std::error::Error for Diagnostic {}

/// Every diagnostic of a run, up to [`MAX_DIAGNOSTICS`]; the rest are counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    omitted: usize,
}

impl Diagnostics {
    /// No diagnostics yet.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Adds one (counted, not kept, beyond the cap).
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.list.len() < MAX_DIAGNOSTICS {
            self.list.push(diagnostic);
        } else {
            self.omitted += 1;
        }
    }

    /// Whether the cap is reached: a further diagnostic is only counted, so a caller with
    /// millions of one problem may count them ([`Diagnostics::omit`]) without writing each.
    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_DIAGNOSTICS
    }

    /// Counts one more diagnostic beyond the cap without it.
    pub fn omit(&mut self) {
        self.omitted += 1;
    }

    /// Adds all of another run's diagnostics.
    pub fn extend(&mut self, other: Diagnostics) {
        self.omitted += other.omitted;
        for d in other.list {
            self.push(d);
        }
    }

    /// Keeps the error of a result, returning its value if there is one.
    pub fn keep<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        result.map_err(|d| self.push(d)).ok()
    }

    /// Keeps every diagnostic of a result, returning its value if there is one.
    pub fn keep_all<T>(&mut self, result: Result<T, Diagnostics>) -> Option<T> {
        result.map_err(|d| self.extend(d)).ok()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The diagnostics kept, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter()
    }

    /// How many were found beyond the cap.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Adds `note` to every diagnostic.
    pub fn with_note(mut self, note: &str) -> Diagnostics {
        for d in &mut self.list {
            d.notes.push(printable_message(note.to_string()));
        }
        self
    }

    /// `Ok(value)` when there are none, else the diagnostics.
    pub fn result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        Diagnostics {
            list: vec![diagnostic],
            omitted: 0,
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    /// Every diagnostic, a blank line between them, then how many more there were.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{d}")?;
        }
        if self.omitted > 0 {
            write!(
                f,
                "\n\n{} more error(s) not shown (at most {MAX_DIAGNOSTICS} are reported)",
                self.omitted
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The longest message, in characters: a longer one (a parser's message echoing a huge value)
/// keeps its beginning and its end (where "expected" is), cut by `…`.
pub const MAX_MESSAGE_CHARS: usize = 1000;

fn bounded(message: String) -> String {
    let message = printable_message(message);
    let count = message.chars().count();
    if count <= MAX_MESSAGE_CHARS {
        return message;
    }
    let byte_at = |chars: usize| {
        message
            .char_indices()
            .nth(chars)
            .map_or(message.len(), |(i, _)| i)
    };
    let head = byte_at(MAX_MESSAGE_CHARS * 3 / 5);
    let tail = byte_at(count - MAX_MESSAGE_CHARS * 3 / 10);
    format!("{} … {}", &message[..head], &message[tail..])
}

/// `message` with every control or invisible character written as its escape (`\n`,
/// `\u{1b}`, `\u{202e}`): a message quotes input (a key serde did not know, a value of the
/// wrong type), and no input may forge a line of its own in a CI log (`\n::error ...`) or
/// drive a terminal.
pub fn printable_message(message: String) -> String {
    if !message.chars().any(crate::read::control::forbidden) {
        return message;
    }
    message
        .chars()
        .map(|c| match crate::read::control::forbidden(c) {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// The most characters of an input value a message shows; a longer value is cut ([`excerpt`]).
pub const MAX_SHOWN_CHARS: usize = 80;

/// The most items of a list a message shows; the rest are counted ([`list`]).
pub const MAX_SHOWN_ITEMS: usize = 10;

/// A value from the input as a message shows it: whole up to [`MAX_SHOWN_CHARS`] characters,
/// else its beginning and `…`.
pub fn excerpt(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(MAX_SHOWN_CHARS) {
        None => value.into(),
        Some((cut, _)) => format!("{}…", &value[..cut]).into(),
    }
}

/// Items joined with `separator`, at most [`MAX_SHOWN_ITEMS`] of them (each cut by
/// [`excerpt`]), then `… and K more`.
pub fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>, separator: &str) -> String {
    let mut out = String::new();
    let mut more = 0usize;
    for (i, item) in items.into_iter().enumerate() {
        if i >= MAX_SHOWN_ITEMS {
            more += 1;
            continue;
        }
        if i > 0 {
            out += separator;
        }
        out += &excerpt(item.as_ref());
    }
    if more > 0 {
        out += &format!("{separator}… and {more} more");
    }
    out
}

/// The known word closest to `word`, if it is close enough to be a likely typo, or else the one
/// known word that `word` abbreviates ("First" for "First round"). Close enough: at most two
/// edits (a quarter of a long word) and at most a third of the longer word, so that short
/// unrelated names are never offered. Among equally close words the first in sorted order is
/// taken, so the suggestion never depends on the order `known` comes in.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    let length = |s: &str| s.chars().count();
    let typo = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|&(d, k)| d <= 2.max(length(k) / 4) && d * 3 <= length(word).max(length(k)))
        .min()
        .map(|(_, k)| k);
    let lower = word.to_lowercase();
    let mut prefixed = known
        .iter()
        .filter(|k| word.len() >= 3 && k.to_lowercase().starts_with(&lower));
    typo.or_else(|| match (prefixed.next(), prefixed.next()) {
        (Some(k), None) => Some(*k),
        _ => None,
    })
}

/// Adds "did you mean" to serde's unknown-field and unknown-variant messages.
fn with_suggestion(message: &str) -> String {
    let message = message.trim_end();
    let Some(rest) = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))
    else {
        return message.to_string();
    };
    let Some((word, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let known: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|k| !k.is_empty())
        .collect();
    match closest(word, known) {
        Some(k) => format!("{message}; did you mean `{k}`?"),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[rstest::rstest]
    #[case::typo("Alpa", &["Beta", "Alpha", "Gamma"], Some("Alpha"))]
    #[case::unrelated_short_name("ab", &["xy", "Beta"], None)]
    #[case::unrelated_long_name("Sampdoria", &["Salernitana", "Lazio"], None)]
    #[case::equally_close_first_sorted("Tam", &["Tom", "Tim"], Some("Tim"))]
    #[case::equally_close_other_order("Tam", &["Tim", "Tom"], Some("Tim"))]
    #[case::abbreviation("First", &["First round", "Final"], Some("First round"))]
    fn suggestions_are_close_and_do_not_depend_on_order(
        #[case] word: &str,
        #[case] known: &[&str],
        #[case] expected: Option<&str>,
    ) {
        assert_eq!(closest(word, known.iter().copied()), expected);
    }

    #[rstest::rstest]
    #[case::empty("")]
    #[case::one_line("a = 1")]
    #[case::ending_in_a_break("a = 1\nb = 2\n")]
    #[case::blank_lines("\n\na\n\nb")]
    #[case::carriage_returns("a\r\nbb\r\n")]
    fn lines_are_found_as_counting_breaks_finds_them(#[case] text: &str) {
        let source = Source::new("x", text);
        for offset in 0..=text.len() + 1 {
            let counted = text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            assert_eq!(source.line_of(offset), counted, "offset {offset}");
        }
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(&text[source.line_span(i + 1)], *line, "line {}", i + 1);
        }
        let past = source.line_span(lines.len() + 1);
        assert_eq!(past, text.len()..text.len());
    }

    #[test]
    fn span_becomes_line_and_column() {
        let source = Source::new("x.toml", "a = 1\nbb = \"oops\"\n");
        let d = source.error(Code::WrongValue, 11..17, "bad value");
        let loc = d.location().unwrap();
        assert_eq!((loc.line, loc.column), (2, 6));
        assert_eq!(
            d.to_string(),
            "error[E007]: bad value\n  --> x.toml:2:6\n  |\n2 | bb = \"oops\"\n  |      ^^^^^^"
        );
    }

    #[test]
    fn a_long_line_is_shown_cut_around_the_label_at_its_true_column() {
        let text = format!("{}X{}\n", "a".repeat(1000), "b".repeat(1_000_000));
        let source = Source::new("x.csv", text);
        let d = source.error(Code::CsvRow, 1000..1001, "bad");
        let shown = d.to_string();
        assert!(shown.contains("--> x.csv:1:1001"), "{shown}");
        assert!(shown.len() < 600, "{} bytes", shown.len());
        assert!(
            shown.contains(&format!("1 | …{}X{}…", "a".repeat(40), "b".repeat(79))),
            "{shown}"
        );
    }

    #[test]
    fn lists_values_and_messages_are_bounded() {
        assert_eq!(list(["a", "b"], ", "), "a, b");
        let many: Vec<String> = (0..2_000_000).map(|i| i.to_string()).collect();
        assert_eq!(
            list(&many, ", "),
            "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … and 1999990 more"
        );
        assert_eq!(excerpt(&"é".repeat(81)), format!("{}…", "é".repeat(80)));
        let d = Diagnostic::new(
            Code::TomlSyntax,
            format!("{}; expected x", "v".repeat(5000)),
        );
        assert!(d.message.chars().count() <= MAX_MESSAGE_CHARS + 3);
        assert!(d.message.ends_with("; expected x"));
    }

    #[test]
    fn a_second_file_is_labelled_too() {
        let data = Source::new("data.toml", "matches = [\"A 1–0 B\", \"B 0–0 A\"]\n");
        let rules = Source::new("rules.toml", "[group]\nmeetings = 1\n");
        let at = data.text.find("\"B 0–0 A\"").unwrap();
        let d = data
            .error(Code::TooManyMeetings, at..at + 11, "A and B meet 2 times")
            .with_label(rules.label(19..20, "the rules say 1"));
        let text = d.to_string();
        assert!(text.contains("--> data.toml:1:23"), "{text}");
        assert!(text.contains("rules.toml:2:12"), "{text}");
        assert!(text.contains("the rules say 1"), "{text}");
        let json = d.to_json();
        assert_eq!(json["code"], "E601");
        assert_eq!(json["labels"][1]["file"], "rules.toml");
        assert_eq!(json["labels"][1]["line"], 2);
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let m = with_suggestion("unknown field `goal_count`, expected `score`, `goals_count`");
        assert_eq!(
            m,
            "unknown field `goal_count`, expected `score`, `goals_count`; did you mean `goals_count`?"
        );
    }

    #[test]
    fn distant_words_get_no_suggestion() {
        assert_eq!(closest("colour", ["points", "decision"]), None);
        assert_eq!(closest("pionts", ["points", "decision"]), Some("points"));
        assert_eq!(
            closest("First", ["First round", "Final"]),
            Some("First round")
        );
        assert_eq!(closest("Fi", ["First round", "Final"]), None);
    }

    #[test]
    fn a_quoted_line_shows_no_control_character() {
        let source = Source::new("x.txt", "| A\u{1b}[31m | B\r::x |\r\n");
        let text = source
            .error(Code::ControlCharacter, 3..4, "a control character")
            .to_string();
        assert!(text.contains("1 | | A?[31m | B?::x |\n"), "{text:?}");
        assert!(!text.contains(['\u{1b}', '\r']), "{text:?}");
    }
}
