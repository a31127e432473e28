//! CSV: one row per team, with the competition and group named in each row. Written by the
//! `csv` crate, which quotes a field holding a comma, a quote or a line break (RFC 4180).

use super::Format;
use crate::compute::standings::Standings;

/// `--format csv`.
pub const FORMAT: Format = Format {
    name: "csv",
    help: "One row per team, with the competition and group in each row",
    render: |standings, _| render(standings),
};

/// The header row; the column names are part of the output contract.
pub const HEADER: &str = "competition,group,position,team,played,won,drawn,lost,goals_for,goals_against,goal_difference,deducted,points";

/// Renders every group of every competition as CSV.
pub fn render(standings: &[Standings<'_>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let written = writer.write_record(HEADER.split(',')).and_then(|()| {
        for s in standings {
            let title = s.competition.title();
            for table in &s.groups {
                for r in &table.rows {
                    let position = r.position.to_string();
                    let cells = [
                        title.as_ref(),
                        table.group.name.as_str(),
                        position.as_str(),
                        table.name(r.team),
                    ];
                    let numbers = super::record_cells(&r.record);
                    writer.write_record(
                        cells.into_iter().chain(numbers.iter().map(String::as_str)),
                    )?;
                }
            }
        }
        Ok(())
    });
    written.expect("writing CSV to memory cannot fail");
    let bytes = writer.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}
