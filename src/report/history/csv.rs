//! CSV: the long ("tidy") shape, one row per team and step, which a data frame reads as it is
//! and pivots to a wide grid in one call (`df.pivot(index="step", columns="team",
//! values="position")`). Written by the `csv` crate, which quotes what needs quoting (RFC 4180).

use super::Format;
use crate::compute::history::History;

/// `--format csv`.
pub const FORMAT: Format = Format {
    name: "csv",
    help: "One row per team and step (competition, group, step, label, team, position, shared)",
    render,
};

/// The header row; the column names are part of the output contract.
pub const HEADER: &str = "competition,group,step,label,team,position,shared";

/// Renders every history: for each group, each step in order, its teams in their final order.
/// `step` counts from 1; `position` is empty before a team has played, and `shared` is `true`
/// for a place another team shares.
pub fn render(histories: &[History]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let written = writer.write_record(HEADER.split(',')).and_then(|()| {
        for h in histories {
            for (step, label) in h.steps.iter().enumerate() {
                let number = (step + 1).to_string();
                for line in &h.teams {
                    let place = line.places[step];
                    let position = place.map_or(String::new(), |p| p.position.to_string());
                    let shared = place.is_some_and(|p| p.shared);
                    writer.write_record([
                        h.competition.as_str(),
                        h.group.as_str(),
                        number.as_str(),
                        label.as_str(),
                        line.team.as_str(),
                        position.as_str(),
                        if shared { "true" } else { "false" },
                    ])?;
                }
            }
        }
        Ok(())
    });
    written.expect("writing CSV to memory cannot fail");
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}
