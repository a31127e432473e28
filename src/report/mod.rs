//! Presentation, for every command: what the pipeline computed, in words and formats. Each
//! function returns the text a command prints; nothing here reads arguments or decides an exit
//! code.
//!
//! - [`table`]: computed group tables (text, JSON, CSV, Markdown, wikitext);
//! - [`check`]: checked facts (text, GitHub Actions annotations, JUnit XML) and the summary;
//! - [`compare`]: two rule sets side by side;
//! - [`simulate`]: the format lab's report;
//! - [`knockout`]: knockout ties (`tie`) and the rules' rounds (`rounds`);
//! - [`history`]: every team's place after each step (text, CSV, JSON, an SVG bump chart);
//! - [`scenarios`]: a group's last round; [`runin`]: a league's run-in (text, JSON, Markdown);
//! - [`escape`]: what each format must escape in the names it prints; [`style`]: colour.

pub mod check;
pub mod compare;
pub mod escape;
pub mod history;
pub mod knockout;
pub mod runin;
pub mod scenarios;
pub mod simulate;
pub mod style;
pub mod table;

/// The JSON Schema (draft 2020-12) of a JSON document the program prints, generated from the
/// type it is written from, as every `standings schema` output kind is.
pub fn json_schema_of<T: schemars::JsonSchema>() -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    serde_json::to_value(schema).expect("a generated schema is JSON")
}
