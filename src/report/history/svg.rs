//! SVG: a bump chart per group, drawn with `plotters` (its SVG backend alone): steps across,
//! places down (1 at the top), one coloured line per team, broken where the team has no place
//! yet, a dot at each place, and the team's name at the right in its colour, in the final
//! order. Groups are stacked, one chart under another, in one image.
//!
//! The steps are labelled by their matchday's number under `Matchday`, or by their day under
//! `Date`. The size stays bounded whatever the input: a step is 28 pixels wide up to a plot
//! 1,200 pixels wide (past that, steps close up), as many step labels are written as fit,
//! a place 24 pixels high, and a name is cut to [`NAME_CHARS`] characters. Names are
//! written as plain text (control characters escaped) and XML-escaped by the backend
//! (`<`, `>`, `&`, `"`, `'`), so a name never becomes markup.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Format;
use crate::compute::history::History;
use crate::report::escape::plain;

/// `--format svg`.
pub const FORMAT: Format = Format {
    name: "svg",
    help: "A bump chart per group (SVG): a coloured line per team through its places",
    render,
};

/// The teams' colours, in final order; past the last, they repeat from the first. Dark
/// enough to read on white, and far apart from one another.
pub const COLOURS: [(u8, u8, u8); 24] = [
    (230, 25, 75),
    (60, 180, 75),
    (0, 130, 200),
    (245, 130, 48),
    (145, 30, 180),
    (0, 160, 170),
    (240, 50, 230),
    (150, 170, 20),
    (128, 0, 0),
    (0, 128, 128),
    (170, 110, 40),
    (0, 0, 128),
    (128, 128, 0),
    (220, 160, 0),
    (100, 100, 100),
    (255, 100, 150),
    (0, 90, 40),
    (90, 60, 200),
    (200, 80, 0),
    (0, 190, 120),
    (180, 0, 110),
    (70, 130, 180),
    (160, 120, 200),
    (0, 0, 0),
];

/// The longest name written in full; a longer one is cut, ending `…`.
pub const NAME_CHARS: usize = 28;

/// Pixels per step, and the widest and narrowest plot.
const STEP_WIDTH: u32 = 28;
const MIN_PLOT_WIDTH: u32 = 480;
/// Pixels a step's label needs; past that, only every second (third, …) step is labelled.
const LABEL_WIDTH: u32 = 80;
const MAX_PLOT_WIDTH: u32 = 1200;
/// Pixels per place.
const PLACE_HEIGHT: u32 = 24;
/// Room around a plot: the title, the axes' labels and descriptions, the names.
const TITLE: u32 = 40;
const X_LABELS: u32 = 50;
const Y_LABELS: u32 = 60;
const NAMES: u32 = 8 * NAME_CHARS as u32 + 20;
const MARGIN: u32 = 10;

/// The colour of the team in row `row` of the final order.
pub fn colour(row: usize) -> RGBColor {
    let (r, g, b) = COLOURS[row % COLOURS.len()];
    RGBColor(r, g, b)
}

/// A plot's width in pixels for `steps` steps.
fn plot_width(steps: usize) -> u32 {
    let wanted = u32::try_from(steps)
        .unwrap_or(u32::MAX)
        .saturating_mul(STEP_WIDTH);
    wanted.clamp(MIN_PLOT_WIDTH, MAX_PLOT_WIDTH)
}

/// A group's chart's size in pixels.
fn panel_size(h: &History) -> (u32, u32) {
    let places = u32::try_from(h.teams.len().max(1)).unwrap_or(u32::MAX);
    let width = MARGIN + Y_LABELS + plot_width(h.steps.len()) + NAMES + MARGIN;
    let height = TITLE + places.saturating_mul(PLACE_HEIGHT) + PLACE_HEIGHT + X_LABELS + MARGIN;
    (width, height)
}

/// A name as drawn: escaped for plain text and cut to [`NAME_CHARS`] characters.
fn shown(name: &str) -> String {
    cut(name, NAME_CHARS)
}

/// `text` escaped for plain text and cut to `chars` characters, ending `…` when cut.
fn cut(text: &str, chars: usize) -> String {
    let text = plain(text);
    if text.chars().count() > chars {
        let kept: String = text.chars().take(chars - 1).collect();
        kept + "…"
    } else {
        text
    }
}

/// The x axis's description and its steps' labels: the matchdays' numbers under `Matchday`
/// when every label is `Matchday N`, the labels themselves under `Date` when every one is a
/// day (`2019-08-10`), else under `After step`.
fn axis(steps: &[String]) -> (&'static str, Vec<String>) {
    let numbers: Option<Vec<String>> = steps
        .iter()
        .map(|s| s.strip_prefix("Matchday ").map(|n| cut(n, NAME_CHARS)))
        .collect();
    let day = |s: &String| {
        s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
    };
    match numbers {
        Some(numbers) if !steps.is_empty() => ("Matchday", numbers),
        _ if steps.iter().all(day) => ("Date", steps.to_vec()),
        _ => ("After step", steps.iter().map(|s| shown(s)).collect()),
    }
}

/// Renders every history as one SVG document, the groups' charts one under another.
pub fn render(histories: &[History]) -> String {
    let sizes: Vec<(u32, u32)> = histories.iter().map(panel_size).collect();
    let width = sizes.iter().map(|s| s.0).max().unwrap_or(MIN_PLOT_WIDTH);
    let height = sizes.iter().map(|s| s.1).sum::<u32>().max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE)
            .expect("drawing SVG into memory cannot fail");
        let mut breaks = Vec::new();
        let mut y = 0;
        for s in sizes.iter().take(sizes.len().saturating_sub(1)) {
            y += s.1;
            breaks.push(y);
        }
        let panels = root.split_by_breakpoints::<u32, u32, _, _>([], breaks);
        for ((h, panel), size) in histories.iter().zip(&panels).zip(&sizes) {
            // A chart as wide as its own steps need, at the left of a wider image.
            let panel = panel.clone().shrink((0, 0), *size);
            draw(h, &panel).expect("drawing SVG into memory cannot fail");
        }
        root.present().expect("drawing SVG into memory cannot fail");
    }
    svg.push('\n');
    svg
}

/// Draws one group's chart on its panel.
fn draw(
    h: &History,
    panel: &DrawingArea<SVGBackend<'_>, Shift>,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    let steps = i32::try_from(h.steps.len()).unwrap_or(i32::MAX);
    let places = i32::try_from(h.teams.len()).unwrap_or(i32::MAX);
    let title = format!("{} · {}", cut(&h.competition, 60), cut(&h.group, 60));
    // Places run down the y axis as their negatives, so that 1 is at the top; the ranges keep
    // half a step and half a place of room around the points.
    let mut chart = ChartBuilder::on(panel)
        .caption(title, ("sans-serif", 18))
        .margin(MARGIN)
        .margin_right(NAMES)
        .x_label_area_size(X_LABELS)
        .y_label_area_size(Y_LABELS)
        .build_cartesian_2d(0..steps.saturating_add(1), -(places.saturating_add(1))..0)?;
    // Every step is a key point of the axis; a label on every `stride`-th step, as many as
    // fit side by side.
    let (description, labels) = axis(&h.steps);
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let label_width = if widest <= 3 { 24 } else { LABEL_WIDTH };
    let per_step = plot_width(h.steps.len()) / u32::try_from(h.steps.len().max(1)).unwrap_or(1);
    let stride = usize::try_from(label_width.div_ceil(per_step.max(1))).unwrap_or(1);
    let x_label = |x: &i32| -> String {
        usize::try_from(*x)
            .ok()
            .and_then(|x| x.checked_sub(1))
            .filter(|step| step % stride == 0)
            .and_then(|step| labels.get(step))
            .cloned()
            .unwrap_or_default()
    };
    let y_label = |y: &i32| -> String {
        if (1..=places).contains(&-y) {
            (-y).to_string()
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .x_labels(h.steps.len() + 2)
        .y_labels(h.teams.len() + 2)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(description)
        .y_desc("Place")
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .label_style(("sans-serif", 12))
        .draw()?;
    for (row, team) in h.teams.iter().enumerate() {
        let colour = colour(row);
        // One line per run of steps with a place: a team without one yet has no line there.
        let mut run: Vec<(i32, i32)> = Vec::new();
        let points = team.places.iter().enumerate().map(|(step, place)| {
            place.map(|p| {
                (
                    i32::try_from(step + 1).unwrap_or(i32::MAX),
                    -i32::try_from(p.position).unwrap_or(i32::MAX),
                )
            })
        });
        for point in points.chain([None]) {
            match point {
                Some(p) => run.push(p),
                None if !run.is_empty() => {
                    chart.draw_series(LineSeries::new(
                        run.iter().copied(),
                        colour.stroke_width(3),
                    ))?;
                    chart.draw_series(run.iter().map(|&p| Circle::new(p, 4, colour.filled())))?;
                    run.clear();
                }
                None => {}
            }
        }
        // The name at the right, at the team's row of the final order (names of teams
        // sharing a place do not overlap), beside the last step.
        let row_y = -i32::try_from(row + 1).unwrap_or(i32::MAX);
        // Backend pixels are the whole image's; the panel's own start at its corner.
        let (x, y) = chart.backend_coord(&(steps, row_y));
        let (left, top) = panel.get_base_pixel();
        let style = TextStyle::from(("sans-serif", 13).into_font())
            .color(&colour)
            .pos(Pos::new(HPos::Left, VPos::Center));
        panel.draw(&Text::new(
            shown(&team.team),
            (x - left + 16, y - top),
            style,
        ))?;
    }
    Ok(())
}
