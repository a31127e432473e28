//! Located error messages for bad input.
//!
//! Every mistake in a rule file or data file is reported at its place: the file, the line and
//! column, the offending text, and what was expected. [`Source`] keeps a file's text so that a
//! byte span from the TOML parser (or from our own validation) can be turned into that message.

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The largest input read: 32 MiB. Real rule files, data files and season summaries are a few
/// kilobytes; a larger input is refused before it is read whole, so memory stays bounded.
pub const MAX_INPUT: u64 = 32 << 20;

fn too_large() -> String {
    format!(
        "the input is larger than {} MiB; expected a rule file, data file or season summary, which are far smaller",
        MAX_INPUT >> 20
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
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or `-` for standard input).
    pub path: PathBuf,
    /// The whole text of the file.
    pub text: String,
}

impl Source {
    /// Reads a file as UTF-8 text; a missing file, a file larger than [`MAX_INPUT`] or a file
    /// that is not UTF-8 is an error naming it.
    pub fn read(path: &Path) -> Result<Source, Diagnostic> {
        let cannot = |e: std::io::Error| Diagnostic {
            path: path.to_path_buf(),
            location: None,
            message: format!("cannot read the file: {e}"),
        };
        let file = std::fs::File::open(path).map_err(cannot)?;
        let size = file.metadata().map_or(0, |m| m.len());
        if size > MAX_INPUT {
            return Err(Diagnostic {
                path: path.to_path_buf(),
                location: None,
                message: too_large(),
            });
        }
        Source::from_reader(path, file, size as usize).map_err(|e| match e {
            ReadError::Io(e) => cannot(e),
            ReadError::Diagnostic(d) => d,
        })
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
            return Err(ReadError::Diagnostic(Diagnostic {
                path: path.to_path_buf(),
                location: None,
                message: too_large(),
            }));
        }
        Source::from_bytes(path, bytes).map_err(ReadError::Diagnostic)
    }

    /// Wraps bytes read elsewhere (standard input); bytes that are not UTF-8 are a located error.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                path: path.to_path_buf(),
                text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                // Report the position using the valid prefix, which is all we can show.
                let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                let source = Source {
                    path: path.to_path_buf(),
                    text: prefix,
                };
                Err(source.error(
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
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    /// A diagnostic pointing at `span` (byte offsets into the text).
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let boundary = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = boundary(span.start);
        let end = boundary(span.end.max(start));
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line = self.text[..start].matches('\n').count() + 1;
        let column = self.text[line_start..start].chars().count() + 1;
        let line_text = self.text[line_start..line_end].trim_end_matches('\r');
        let width = self.text[start..end.min(line_end)].chars().count().max(1);
        Diagnostic {
            path: self.path.clone(),
            location: Some(Location {
                line,
                column,
                line_text: line_text.to_string(),
                width,
            }),
            message: message.into(),
        }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.text.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    /// A diagnostic about the file as a whole (an empty file, a missing section), reported at
    /// its first line and column.
    pub fn error_whole(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at_line(&self.path, 1, message)
    }

    /// Converts a TOML parse or type error into a located diagnostic, adding a "did you mean"
    /// suggestion when the error is an unknown key close to a known one.
    pub fn toml_error(&self, error: &toml::de::Error) -> Diagnostic {
        let message = with_suggestion(error.message());
        match error.span() {
            Some(span) => self.error(span, message),
            None => self.error_whole(message),
        }
    }
}

/// Where in a file a diagnostic points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text of that line, shown under the message.
    pub line_text: String,
    /// How many characters to underline.
    pub width: usize,
}

/// A message about bad input, naming the file and (where known) the line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the message is about.
    pub path: PathBuf,
    /// The place in the file, when the message is about one place.
    pub location: Option<Location>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A message about a whole line of a file whose text is no longer at hand (a group named at
    /// that line, found wanting while computing).
    pub fn at_line(path: &Path, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            location: Some(Location {
                line,
                column: 1,
                line_text: String::new(),
                width: 0,
            }),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.location {
            None => write!(f, "{path}: {}", self.message),
            Some(loc) if loc.line_text.is_empty() => {
                write!(f, "{path}:{}:{}: {}", loc.line, loc.column, self.message)
            }
            Some(loc) => {
                writeln!(f, "{path}:{}:{}: {}", loc.line, loc.column, self.message)?;
                let gutter = loc.line.to_string();
                let pad = " ".repeat(gutter.len());
                writeln!(f, "{pad} |")?;
                writeln!(f, "{gutter} | {}", loc.line_text)?;
                let indent: String = loc
                    .line_text
                    .chars()
                    .take(loc.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "{pad} | {indent}{}", "^".repeat(loc.width))
            }
        }
    }
}

impl std::error::Error for Diagnostic {}

/// The known word closest to `word`, if it is close enough to be a likely typo, or else the one
/// known word that `word` abbreviates ("First" for "First round").
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    let typo = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
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

    #[test]
    fn span_becomes_line_and_column() {
        let source = Source::new("x.toml", "a = 1\nbb = \"oops\"\n");
        let d = source.error(11..17, "bad value");
        let loc = d.location.clone().unwrap();
        assert_eq!((loc.line, loc.column, loc.width), (2, 6, 6));
        assert_eq!(
            d.to_string(),
            "x.toml:2:6: bad value\n  |\n2 | bb = \"oops\"\n  |      ^^^^^^"
        );
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
}
