//! The stable codes of every error `standings` reports: one per kind of mistake, never reused.
//!
//! A code names the kind of mistake, not the wording: messages may be reworded, codes stay. The
//! table in `docs/errors.md` is generated from [`Code::ALL`] (`tests/generated.rs` fails when it
//! is stale). Numbering: `E0xx` any file, `E1xx` rule files, `E2xx` data files, `E3xx` season
//! summaries, `E4xx` CSV and football.json, `E5xx` the project's record applied to a source,
//! `E6xx` data that contradicts its rules, `E8xx` command-line usage. A kind of mistake that
//! several formats share (a malformed score, an aggregate with the loser ahead, a team playing
//! itself) keeps the one code of the range where it was first met.

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $summary:literal;)*) => {
        /// The kind of a mistake, with a stable code (`E206`) listed in `docs/errors.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in numbering order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed: `E206`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// One line saying what kind of mistake the code stands for.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    /// A file or standard input that cannot be read.
    CannotRead = "E001", "the file cannot be read";
    /// An input over the size limit, refused before it is read whole.
    TooLarge = "E002", "the input is larger than the limit";
    /// Bytes that are not UTF-8.
    NotUtf8 = "E003", "the file is not UTF-8 text";
    /// A file with nothing in it.
    Empty = "E004", "the file is empty";
    /// TOML that does not parse.
    TomlSyntax = "E005", "the file is not valid TOML";
    /// A key the format does not have.
    UnknownKey = "E006", "an unknown key (with a suggestion when one is close)";
    /// A value of the wrong type, or one out of range.
    WrongValue = "E007", "a value of the wrong type, or out of range";
    /// A key the format requires.
    MissingKey = "E008", "a required key is missing";
    /// TOML nested deeper than can be read.
    TooDeep = "E009", "tables, arrays or dotted keys nested too deeply";

    /// Part of a group stage without the rest.
    IncompleteGroupStage = "E101", "[points], [tiebreak] and [qualification] must come together";
    /// A rule file that describes nothing.
    NothingRuled = "E102", "the rule file describes no group stage and no rounds";
    /// A tiebreak criterion that does not exist.
    UnknownCriterion = "E110", "an unknown tiebreak criterion";
    /// A tiebreak criterion named twice.
    CriterionTwice = "E111", "a tiebreak criterion appears twice";
    /// No longer given: a criterion after `decision`, refused until a decision could stand
    /// anywhere in the chain (#15). Kept so that the code is never reused.
    CriterionAfterDecision = "E112", "(no longer given) a criterion after `decision`: a recorded decision may now stand anywhere in the chain";
    /// An empty tiebreak chain.
    EmptyChain = "E113", "the tiebreak order is empty";
    /// A criterion whose rule-file section is missing.
    CriterionWithoutSection = "E114", "a criterion without the rule-file section it needs";
    /// A forfeit score that does not give the match away.
    ForfeitScore = "E115", "a forfeit score that does not give the match to the side ready to play";
    /// `group.meetings = 0`.
    MeetingsZero = "E116", "`meetings` is 0";
    /// Rounds that cannot be played as described.
    ImpossibleRounds = "E120", "a round structure that cannot be played";
    /// A round named where the rule file has none of that name.
    UnknownRuleRound = "E121", "a round the rule file does not have";
    /// Ranges of ranks that overlap or are empty.
    RankRanges = "E124", "overlapping or empty rank ranges";
    /// A criterion declared in `[recorded]` with a malformed name or an empty label, or that
    /// no chain names.
    DeclaredCriterion = "E125", "a `[recorded.NAME]` criterion misnamed, without a label, or in no chain";
    /// A `qualifying_order` that does not start with `order`'s first criterion.
    QualifyingOrder = "E126", "a `qualifying_order` that does not start as `order` does";
    /// `head_to_head.mode` and the older `head_to_head.reapply` both given.
    HeadToHeadMode = "E127", "`head_to_head.mode` and `head_to_head.reapply` both given";

    /// A rule file named by a data file that does not exist.
    RuleFileMissing = "E201", "the rule file a data file names does not exist";
    /// A data file that names no rule file.
    NoRuleFile = "E202", "no rule file named and no --rules";
    /// A data file with nothing to compute.
    NothingRecorded = "E203", "no groups, ties, ranking or entrants";
    /// A group without teams.
    EmptyGroup = "E204", "a group without teams";
    /// A name listed twice where it belongs once.
    ListedTwice = "E205", "a team, group, rank or entrant listed twice";
    /// A team name that is not one of the group's.
    UnknownTeam = "E206", "a team that is not in its group";
    /// A match between a team and itself.
    PlaysItself = "E207", "a team playing itself";
    /// A match that is not written in the match notation.
    MatchNotation = "E208", "a malformed match: score, `v`, notes";
    /// An alias that is also a team's name.
    AliasIsTeam = "E209", "an alias that is also a team";
    /// A recorded order or published table that leaves teams out.
    IncompleteOrder = "E210", "a recorded order or published table that does not list every team";
    /// A decision of fewer than two teams.
    ShortDecision = "E211", "a decision of fewer than two teams";
    /// A knockout tie whose legs do not make a tie.
    TieLegs = "E212", "a tie's legs: count, return leg, extra time, penalties";
    /// An aggregate score that cannot be the final's.
    Aggregate = "E213", "an aggregate that is not a score or has the loser ahead";
    /// A ranking entry or recorded order that does not fit the ranking.
    Ranking = "E214", "a rank missing from the ranking";
    /// An empty team name.
    EmptyName = "E215", "an empty team name";
    /// A data file's `rules` naming something that cannot be a rule file.
    RuleFileNotAFile = "E216", "the rule file a data file names is empty, a directory or not a regular file";
    /// A data file's `rules` naming a file outside where it may look.
    RuleFileOutside = "E217", "the rule file a data file names is outside its folder (or the current directory)";
    /// A name or label holding a control character.
    ControlCharacter = "E218", "a name or label with a control character (a line break, an escape)";
    /// One team written in two spellings that differ only in case.
    TwoSpellings = "E219", "one team spelled two ways, differing only in case";
    /// Two recorded decisions ordering the same teams in opposite ways.
    ContradictoryDecisions = "E220", "two recorded decisions that order the same teams both ways";
    /// A points deduction, expunged club or takeover that cannot apply as written.
    Ruling = "E221", "a deduction, expunged club or takeover that cannot apply";
    /// A play-off without a score (a forfeit), or a second one between the same two teams.
    PlayOff = "E230", "a play-off without a score, or a second one between the same two teams";
    /// Values recorded under a name no rule file can declare.
    ValuesName = "E231", "`values` under a name no `[recorded.NAME]` criterion can have";

    /// A season summary without its title line.
    NoTitle = "E301", "no `= Title =` line";
    /// A heading that is not closed.
    UnclosedHeading = "E302", "an unclosed heading";
    /// A summary without group sections.
    NoGroups = "E303", "no group sections";
    /// A group section without its table.
    GroupWithoutTable = "E304", "a group without a match table";
    /// A table row that is not a match row.
    BadRow = "E305", "a table row that is not `| Home | Away | 2–1 |`";
    /// A table row before the table's header.
    RowBeforeHeader = "E306", "a table row before the header";
    /// A group named by two sections.
    GroupTwice = "E307", "a second section for the same group";
    /// Teams that play different numbers of matches in a group.
    UnevenGroup = "E308", "a team in fewer matches than the rest of its group";
    /// An infobox value that does not read.
    Infobox = "E309", "an infobox value that is not a count or an aggregate";
    /// A summary whose names a data file cannot write so that they read back.
    CannotHold = "E310", "a summary that a data file cannot hold (`import`)";
    /// A match table where no group section is, whose matches would be lost.
    TableOutsideGroup = "E311", "a match table outside a group section";

    /// A CSV header without the columns needed.
    CsvHeader = "E401", "a CSV header without the result columns";
    /// A CSV row that cannot be read.
    CsvRow = "E402", "a CSV row that cannot be read";
    /// Goals that are not a number.
    Goals = "E403", "goals that are not a whole number, or too many";
    /// A results file without results.
    NoResults = "E404", "no results in the file";
    /// A match without a team's name.
    MissingTeam = "E405", "a match without a team name";
    /// A CSV column the reader reads, named twice in the header.
    CsvColumnTwice = "E406", "a CSV column named twice";
    /// A CSV row whose `Season` is empty, in a file with a `Season` column.
    CsvSeason = "E407", "a CSV row without its season, in a file with a Season column";
    /// A CSV `Date` that is not a day written as football-data writes it.
    CsvDate = "E408", "a CSV Date that is not a date written dd/mm/yy or dd/mm/yyyy";
    /// football.json that is not in the expected shape.
    JsonShape = "E410", "football.json not in the expected shape";
    /// A football.json score whose parts do not fit together.
    JsonScore = "E411", "a football.json score whose extra time or shoot-out does not fit: `et` below `ft`, a level `p`, either without `ft` or outside a knockout match";
    /// A team in two ties of one knockout round.
    TieTwice = "E412", "a team in two ties of one knockout round";

    /// The record's group does not hold the source's teams.
    RecordTeams = "E501", "the record's group does not match the source's teams";
    /// The record has a group the source lacks.
    RecordGroup = "E502", "the record names a group the source does not have";
    /// Two data files record the same competition.
    TwoRecords = "E503", "two data files record the same competition";
    /// `--record` names something that is not a data file.
    NotARecord = "E504", "`--record` names a file that is not a data file";
    /// `--record` on a data file, which is its own record.
    RecordOnData = "E505", "`--record FILE` with a data file as input";

    /// A pair of teams meeting more often than the rules say.
    TooManyMeetings = "E601", "a pair meets more often than `group.meetings`";
    /// Groups under rules without a group stage.
    NoGroupStage = "E602", "groups under rules without a group stage";
    /// A tie, entrant list or access entry in a round the rules do not have.
    UnknownRound = "E603", "a round the rules do not have";
    /// A tie in a round the rules play as groups.
    TieInGroupRound = "E604", "a tie in a group round";
    /// A tie with a different number of legs than its round.
    LegsDisagree = "E605", "a tie's legs differ from its round's";
    /// A forfeit scored differently from the rules' award.
    ForfeitDisagrees = "E606", "a forfeit scored otherwise than `forfeit.score`";
    /// A criterion reached without the data it needs.
    CriterionWithoutData = "E607", "a tiebreak criterion reached without its data (cards, coefficients, declared values)";
    /// A team in two groups of a competition whose rules have one group round.
    TeamInTwoGroups = "E608", "a team in two groups under rules with one group round";

    /// A season summary, or a results file that is no league, without `--rules`.
    RulesNeeded = "E801", "a source that names no rule file, without --rules (a season summary; CSV or football.json that is not a league)";
    /// `--group` naming no group.
    UnknownGroup = "E802", "`--group` naming no group";
    /// Command-line arguments that do not fit together.
    Arguments = "E803", "arguments that do not fit together";
    /// A folder without data files.
    EmptyFolder = "E804", "a folder with no data files";
    /// Output that cannot be written.
    CannotWrite = "E805", "the output cannot be written";
    /// `--team` naming no team of the tables shown.
    TeamNotShown = "E806", "`--team` naming no team of the tables shown";
    /// `--rules` (or `rules show`) naming neither a file nor a bundled rule set.
    UnknownRules = "E807", "`--rules` naming neither a file nor a bundled rule set";
    /// `--until` or `--matchday` on an input without the dates or rounds it needs.
    NoSchedule = "E808", "`--until`, `--matchday` or `history` on an input without the dates or rounds it needs";
    /// `scenarios` on a group with no fixture still to play, or with more than it works out.
    NoScenarios = "E809", "`scenarios` on a group with no fixture to play, or more than 6";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Markdown table of every code, as `docs/errors.md` holds it.
pub fn markdown_table() -> String {
    let mut out = String::from("| code | kind of mistake |\n| --- | --- |\n");
    for code in Code::ALL {
        out += &format!("| `{}` | {} |\n", code.as_str(), code.summary());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_in_order() {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "codes must be unique and listed in numbering order"
        );
    }
}
