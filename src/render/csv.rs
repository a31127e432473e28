//! CSV: one row per team, with the competition and group named in each row.

use crate::standings::Standings;

/// The header row; the column names are part of the output contract.
pub const HEADER: &str = "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points";

/// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Renders every group of every competition as CSV.
pub fn render(standings: &[Standings<'_>]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for s in standings {
        for table in &s.groups {
            for r in &table.rows {
                let rec = &r.record;
                let cells = [
                    field(&s.competition.name),
                    field(&table.group.name),
                    r.position.to_string(),
                    field(table.name(r.team)),
                ];
                out += &cells.join(",");
                out.push(',');
                out += &super::record_cells(rec).join(",");
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("Group 1"), "Group 1");
        assert_eq!(field("A, B"), "\"A, B\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
