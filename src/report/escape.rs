//! Escaping names (teams, groups, competitions) for each output format, so that what a data
//! file calls a team can never change the structure of what is printed around it.

/// Plain text for a terminal or a log: control characters (a line break, an escape sequence)
/// and invisible ones (a bidirectional override) are shown as escapes (`\n`, `\u{1b}`,
/// `\u{202e}`), so a name stays on its line and reads as it is.
pub fn plain(s: &str) -> String {
    crate::diagnostic::printable_message(s.to_string())
}

/// Markdown text, in a table cell or a list item: `|`, `\` and the inline markup characters
/// (`*`, `_`, `` ` ``, `[`, `]`, `~`: emphasis, code, links, strikethrough) are
/// backslash-escaped, `<` becomes `&lt;` (no inline HTML), `&` becomes `&amp;` (no character
/// references), and a line break becomes `<br>`.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '*' | '_' | '`' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.push_str(&c.escape_default().to_string()),
            c => out.push(c),
        }
    }
    out
}

/// Wikitext, in a template parameter: the characters that delimit parameters, templates and
/// links (`|`, `{`, `}`, `[`, `]`), those of bold and italics (`'`), signatures (`~~~~`) and
/// magic words (`__NOTOC__`), `<` and `&` become HTML entities, and a line break `<br />`.
pub fn wikitext(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("&#124;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '\'' => out.push_str("&#39;"),
            '~' => out.push_str("&#126;"),
            '_' => out.push_str("&#95;"),
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br />"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for an XML document (JUnit), before the writer escapes markup: as [`plain`], and the
/// characters XML 1.0 does not allow at all (U+FFFE, U+FFFF) shown as escapes too, so the
/// report is well-formed whatever a name holds.
pub fn xml(s: &str) -> String {
    let allowed = |c: char| !c.is_control() && c != '\u{fffe}' && c != '\u{ffff}';
    if s.chars().all(allowed) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if allowed(c) {
                c.to_string()
            } else {
                c.escape_default().to_string()
            }
        })
        .collect()
}

/// A GitHub Actions workflow command's message (its data): `%`, CR and LF are escaped, and
/// every other control or invisible character is shown as its escape ([`plain`]).
pub fn github_data(s: &str) -> String {
    plain(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// A GitHub Actions workflow command's property value (`file=`, `title=`): as
/// [`github_data`], and `:` and `,` too.
pub fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_a_name_on_its_line() {
        assert_eq!(plain("Hellas Verona"), "Hellas Verona");
        assert_eq!(plain("A\n::error::x"), "A\\n::error::x");
    }

    #[test]
    fn markdown_escapes_cells() {
        assert_eq!(markdown("A | B\nC <b>"), "A \\| B<br>C &lt;b>");
        assert_eq!(markdown("Brighton & Hove"), "Brighton &amp; Hove");
    }

    #[test]
    fn wikitext_escapes_parameters_and_templates() {
        assert_eq!(
            wikitext("{{x}} | [[y]]"),
            "&#123;&#123;x&#125;&#125; &#124; &#91;&#91;y&#93;&#93;"
        );
    }

    #[test]
    fn wikitext_escapes_references() {
        assert_eq!(wikitext("A &amp; B\r\nC"), "A &amp;amp; B<br />C");
    }

    #[test]
    fn xml_shows_what_xml_cannot_hold_as_escapes() {
        assert_eq!(xml("A\u{ffff}B\n\u{1b}"), "A\\u{ffff}B\\n\\u{1b}");
        assert_eq!(xml("Ünïcødé & <b>"), "Ünïcødé & <b>");
    }

    #[test]
    fn github_escapes_properties() {
        assert_eq!(github_data("50%\n::x"), "50%25%0A::x");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn inline_markup_is_shown_as_written() {
        assert_eq!(
            markdown("*b* _i_ `c` [l](u) ~~s~~"),
            r"\*b\* \_i\_ \`c\` \[l\](u) \~\~s\~\~"
        );
        assert_eq!(
            wikitext("'''b''' ~~~~ __NOTOC__"),
            "&#39;&#39;&#39;b&#39;&#39;&#39; &#126;&#126;&#126;&#126; &#95;&#95;NOTOC&#95;&#95;"
        );
    }
}
