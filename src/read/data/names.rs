//! Team names inside one group: resolving a name (or an alias) to the team it is, with a
//! "did you mean" when it is none of them, and locating a part of a TOML string in the file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::diagnostic::{Code, Diagnostic, Source, closest, excerpt, list};
use crate::model::TeamId;
use crate::read::name::normalise;

/// Resolves team names inside one group: the listed names and the aliases documents use, each
/// as [`normalise`] keeps it (so a name matches however its accents are composed).
pub(super) struct Names<'a> {
    source: &'a Source,
    group: &'a str,
    ids: HashMap<Cow<'a, str>, TeamId>,
}

impl<'a> Names<'a> {
    /// No names yet, for the group named `group` of `source`.
    pub(super) fn new(source: &'a Source, group: &'a str) -> Self {
        Names {
            source,
            group,
            ids: HashMap::new(),
        }
    }

    /// Makes `name` resolve to `id`; the team it resolved to before, if any.
    pub(super) fn add(&mut self, name: &'a str, id: TeamId) -> Option<TeamId> {
        self.ids.insert(normalise(name), id)
    }

    /// Whether `name` resolves.
    pub(super) fn contains(&self, name: &str) -> bool {
        self.ids.contains_key(normalise(name).as_ref())
    }

    /// The team `name` (written at `at`) is, or an unknown-team error with the closest name.
    pub(super) fn resolve(&self, name: &str, at: Range<usize>) -> Result<TeamId, Diagnostic> {
        let name = normalise(name);
        if let Some(&id) = self.ids.get(name.as_ref()) {
            return Ok(id);
        }
        let hint = closest(&name, self.ids.keys().map(AsRef::as_ref))
            .map(|k| format!("; did you mean \"{}\"?", excerpt(k)))
            .unwrap_or_default();
        let mut listed: Vec<&str> = self.ids.keys().map(AsRef::as_ref).collect();
        listed.sort_unstable();
        Err(self.source.error(
            Code::UnknownTeam,
            at,
            format!(
                "\"{}\" is not a team of {}; expected one of {}{hint}",
                excerpt(&name),
                excerpt(self.group),
                list(listed, ", ")
            ),
        ))
    }

    /// [`Names::resolve`] for a name read with its span.
    pub(super) fn resolve_spanned(&self, name: &Spanned<String>) -> Result<TeamId, Diagnostic> {
        self.resolve(name.get_ref(), name.span())
    }
}

/// Resolves a list of team names, each at most once.
pub(super) fn resolve_list(
    names: &Names<'_>,
    list: &[Spanned<String>],
) -> Result<Vec<TeamId>, Diagnostic> {
    let mut out: Vec<TeamId> = Vec::new();
    for name in list {
        let id = names.resolve_spanned(name)?;
        if out.contains(&id) {
            return Err(names.source.error(
                Code::ListedTwice,
                name.span(),
                format!(
                    "\"{}\" appears twice in this list; expected each team once",
                    excerpt(name.get_ref())
                ),
            ));
        }
        out.push(id);
    }
    Ok(out)
}

/// Where a range inside a TOML string's value lies in the file. Exact for strings written
/// without escapes; otherwise the whole string is pointed at.
pub(super) fn inner_span(
    source: &Source,
    string: &Spanned<String>,
    inner: Range<usize>,
) -> Range<usize> {
    let span = string.span();
    let raw = source.text.get(span.clone()).unwrap_or("");
    let unescaped = raw.len() == string.get_ref().len() + 2
        && (raw.starts_with('"') || raw.starts_with('\''))
        && raw[1..raw.len() - 1] == *string.get_ref();
    if unescaped {
        span.start + 1 + inner.start..span.start + 1 + inner.end
    } else {
        span
    }
}
