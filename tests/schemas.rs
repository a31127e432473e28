//! The JSON Schemas in `schemas/` are what the loader's own types generate, and every bundled
//! rule and data file validates against its schema and names it on its first line; the schema
//! of `table --format json` is what the output's own types generate, and real output validates
//! against it.

mod common;

use std::fs;

use common::*;
use pretty_assertions::assert_eq;

fn schema(kind: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(format!("schemas/{kind}.schema.json")).unwrap())
        .unwrap()
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for kind in ["rules", "data", "table", "history", "scenarios", "runin"] {
        let run = standings(&["schema", kind]);
        assert_eq!(run.code, 0);
        let generated: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            generated,
            schema(kind),
            "schemas/{kind}.schema.json is stale: run `standings schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}

#[test]
fn every_bundled_file_validates_against_its_schema() {
    for (folder, kind) in [("rules", "rules"), ("data", "data")] {
        let validator = jsonschema::validator_for(&schema(kind)).unwrap();
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            assert_eq!(
                text.lines().next().unwrap(),
                format!("#:schema ../schemas/{kind}.schema.json"),
                "{}",
                path.display()
            );
            let json = as_json(toml::from_str(&text).unwrap());
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        }
    }
}

/// A TOML document as JSON, as an editor's TOML language server validates it: a date
/// (`2024-08-03`) as its text.
fn as_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.into_iter().map(as_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, as_json(v))).collect(),
        other => serde_json::to_value(other).unwrap(),
    }
}

#[test]
fn a_data_file_with_dates_and_rounds_validates() {
    // Matches as tables with a TOML date, a date as a string and a round
    // (tests/fixtures/as_of/league.toml); a round of 0 and a key a match has not do not.
    let validator = jsonschema::validator_for(&schema("data")).unwrap();
    let text = fs::read_to_string("tests/fixtures/as_of/league.toml").unwrap();
    let json = as_json(toml::from_str(&text).unwrap());
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    for wrong in [
        serde_json::json!({ "match": "A 1–0 B", "round": 0 }),
        serde_json::json!({ "match": "A 1–0 B", "time": "15:00" }),
        serde_json::json!({ "date": "2024-08-03" }),
    ] {
        let mut file = json.clone();
        file["group"][0]["matches"][0] = wrong.clone();
        assert!(!validator.is_valid(&file), "{wrong}");
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = jsonschema::validator_for(&schema("rules")).unwrap();
    let unknown_key = serde_json::json!({ "name": "x", "pionts": { "win": 3 } });
    assert!(!validator.is_valid(&unknown_key));
    let bad_decimal =
        serde_json::json!({ "name": "x", "points": { "win": "3.x", "draw": 1, "loss": 0 } });
    assert!(!validator.is_valid(&bad_decimal));
}

/// Each bound on a rule value is in the schema too: the schema refuses what the loader refuses
/// (`tests/cmd/bad_input/` has the loader's message for each), and accepts the bound itself.
#[rstest::rstest]
#[case::forfeit_goals(serde_json::json!({ "forfeit": { "score": [1000, 0] } }), false)]
#[case::forfeit_goals_at_the_bound(serde_json::json!({ "forfeit": { "score": [999, 0] } }), true)]
#[case::forfeit_three_numbers(serde_json::json!({ "forfeit": { "score": [3, 0, 1] } }), false)]
#[case::forfeit_one_number(serde_json::json!({ "forfeit": { "score": [3] } }), false)]
#[case::meetings(serde_json::json!({ "group": { "meetings": 101 } }), false)]
#[case::meetings_at_the_bound(serde_json::json!({ "group": { "meetings": 100 } }), true)]
#[case::meetings_zero(serde_json::json!({ "group": { "meetings": 0 } }), false)]
#[case::points(serde_json::json!({ "points": { "win": 1_000_000_001, "draw": 1, "loss": 0 } }), false)]
#[case::group_size(serde_json::json!({ "round": [{ "name": "G", "format": "groups", "groups": 1, "group_size": 1_000_001 }] }), false)]
#[case::legs(serde_json::json!({ "round": [{ "name": "F", "format": "knockout", "legs": 3 }] }), false)]
#[case::transferred(serde_json::json!({ "round": [{ "name": "F", "format": "knockout", "transferred": { "X": 1_000_001 } }] }), false)]
fn the_schema_states_the_bounds(#[case] part: serde_json::Value, #[case] valid: bool) {
    let validator = jsonschema::validator_for(&schema("rules")).unwrap();
    let mut file = serde_json::json!({ "name": "x" });
    for (key, value) in part.as_object().unwrap() {
        file[key] = value.clone();
    }
    assert_eq!(validator.is_valid(&file), valid, "{file}");
}

#[test]
fn the_tiebreak_order_enum_is_the_registrys_keys_beside_declared_names() {
    let schema = schema("rules");
    let order = &schema["$defs"]["TiebreakFile"]["properties"]["order"];
    let listed: Vec<&str> = order["items"]["anyOf"][0]["enum"]
        .as_array()
        .expect("tiebreak.order items have an enum")
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let registry: Vec<&str> = standings::criteria::keys().collect();
    assert_eq!(listed, registry);

    let validator = jsonschema::validator_for(&schema).unwrap();
    let with_order = |order: serde_json::Value| {
        serde_json::json!({
            "name": "x",
            "points": { "win": 3, "draw": 1, "loss": 0 },
            "tiebreak": { "order": order },
            "qualification": { "advance": 2 },
        })
    };
    assert!(validator.is_valid(&with_order(serde_json::json!(["points", "goals_against"]))));
    assert!(!validator.is_valid(&with_order(serde_json::json!(["points", "goal_diference"]))));
    assert!(!validator.is_valid(&with_order(serde_json::json!(["points", "points"]))));
    // A criterion the file declares is named `recorded.NAME`.
    assert!(validator.is_valid(&with_order(serde_json::json!(["points", "recorded.lots"]))));
    assert!(!validator.is_valid(&with_order(serde_json::json!(["points", "recorded.Lots"]))));
}

/// `schema` with `additionalProperties: false` on every object it describes: the committed
/// schema leaves objects open (the contract lets a later program add fields without raising
/// `version`, so output of version 1 always validates against a version-1 schema), but today's
/// output must hold nothing the schema does not describe.
fn closed(mut schema: serde_json::Value) -> serde_json::Value {
    fn close(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                if map.contains_key("properties") {
                    map.insert("additionalProperties".into(), false.into());
                }
                map.values_mut().for_each(close);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut schema);
    schema
}

/// Asserts that `json` validates against the `kind` schema as committed and closed
/// ([`closed`]); `context` names the run in a failure.
fn validates(json: &serde_json::Value, kind: &str, context: &str) {
    for schema in [schema(kind), closed(schema(kind))] {
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{context}: {errors:?}");
    }
}

/// `scenarios --format json` on a real group before its last round (score conditions, open
/// verdicts, fair play and lots), a CSV league's fixture, and one team alone, validates against
/// the scenarios schema as committed and closed.
#[test]
fn scenarios_output_validates_against_its_schema() {
    for args in [
        &["tests/fixtures/euro-2024-group-a-last-round.toml"][..],
        &[
            "tests/fixtures/euro-2024-group-a-last-round.toml",
            "--team",
            "Scotland",
        ],
        &["tests/fixtures/league.csv"],
    ] {
        let mut all = vec!["scenarios"];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let run = standings(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(json["version"], 1);
        validates(&json, "scenarios", &format!("{args:?}"));
    }
}

/// `run-in --format json` on a league at its suspension (exact places), a head-to-head league
/// (ranges), a finished league and two inputs at once, and `scenarios --format json` on a league
/// with more fixtures left than it enumerates (the run-in document), validate against the
/// run-in schema as committed and closed.
#[test]
fn runin_output_validates_against_its_schema() {
    let runs: [&[&str]; 5] = [
        &[
            "run-in",
            "../shared/real/2019-20-en.3.json",
            "--rules",
            "efl-2019-20",
        ],
        &[
            "run-in",
            "tests/cmd/runin/relegated_beyond_teams.in/league.toml",
        ],
        &["run-in", "data/efl-championship-2019-20.toml"],
        &[
            "run-in",
            "tests/cmd/runin/four_teams.in/data.toml",
            "tests/cmd/runin/title_not_settled.in/league.toml",
        ],
        &["scenarios", "tests/cmd/scenarios/too_many.in/data.toml"],
    ];
    for args in runs {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let run = standings(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(json["version"], 1);
        assert!(
            !json["competitions"].as_array().unwrap().is_empty(),
            "{args:?}"
        );
        validates(&json, "runin", &format!("{args:?}"));
    }
}

/// The JSON `table` prints for `args`, checked against the table schema as committed and closed.
fn table_json_validates(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["table"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let run = standings(&all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    validates(&json, "table", &format!("{args:?}"));
    json
}

#[test]
fn table_output_validates_against_its_schema() {
    let mut bundled: Vec<String> = fs::read_dir("data")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    bundled.sort();
    // Every part of the contract that can be empty or null is seen filled at least once.
    let mut seen = std::collections::BTreeSet::new();
    let mut note = |json: &serde_json::Value| {
        for c in json["competitions"].as_array().unwrap() {
            if c["groups"].as_array().unwrap().is_empty() {
                seen.insert("a knockout-only competition");
            }
            if !c["best_placed"].is_null() {
                seen.insert("best_placed");
            }
            let text = c.to_string();
            for (needle, what) in [
                ("\"exact\":", "an exact value"),
                ("\"adjustments\":[{", "an adjustment"),
                ("\"expunged\":[{", "an expunged club"),
                ("\"takeovers\":[{", "a takeover"),
                ("\"among\":[", "a head-to-head step"),
                ("\"decision\":\"", "a decision"),
            ] {
                if text.contains(needle) {
                    seen.insert(what);
                }
            }
        }
    };
    for data in &bundled {
        let one = table_json_validates(&[data]);
        assert_eq!(one["version"], 1);
        assert_eq!(one["competitions"].as_array().unwrap().len(), 1, "{data}");
        note(&one);
        table_json_validates(&[data, "--explain"]);
    }
    // Several inputs at once, named and as a folder: the same shape, one competition each.
    let names: Vec<&str> = bundled.iter().map(String::as_str).collect();
    let several = table_json_validates(&names);
    assert_eq!(
        several["competitions"].as_array().unwrap().len(),
        bundled.len()
    );
    let folder = table_json_validates(&["data/", "--explain"]);
    assert_eq!(folder, several);
    // One group chosen, and the rulings a data file records (expunged clubs, takeovers).
    table_json_validates(&["data/uefa-euro-2024.toml", "--group", "A"]);
    note(&table_json_validates(&[
        "tests/cmd/table/rulings_json.in/league.toml",
    ]));
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        [
            "a decision",
            "a head-to-head step",
            "a knockout-only competition",
            "a takeover",
            "an adjustment",
            "an exact value",
            "an expunged club",
            "best_placed",
        ]
    );
}

#[test]
fn the_table_schema_rejects_what_the_contract_does_not_promise() {
    let validator = jsonschema::validator_for(&schema("table")).unwrap();
    let run = standings(&[
        "table",
        "data/coppa-italia-2003-04.toml",
        "--format",
        "json",
    ]);
    let good: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(validator.is_valid(&good));
    // A later version is another contract.
    let mut later = good.clone();
    later["version"] = 2.into();
    assert!(!validator.is_valid(&later));
    // Every field is always there.
    let mut missing = good.clone();
    missing["competitions"][0]["groups"][0]["rows"][0]
        .as_object_mut()
        .unwrap()
        .remove("points");
    assert!(!validator.is_valid(&missing));
    // The old shapes: a bare competition, a bare array.
    assert!(!validator.is_valid(&good["competitions"][0]));
    assert!(!validator.is_valid(&good["competitions"]));
    // A field added (by a later program of the same version) is allowed.
    let mut added = good.clone();
    added["competitions"][0]["groups"][0]["rows"][0]["form"] = "WWD".into();
    assert!(validator.is_valid(&added));
    // ... though not in today's output, which the tests check against the closed schema.
    let closed = jsonschema::validator_for(&closed(schema("table"))).unwrap();
    assert!(closed.is_valid(&good));
    assert!(!closed.is_valid(&added));
}

/// `history --format json` for one invented group over two steps, a team without a place after
/// the first and two sharing one, against the history schema as committed and closed; a later
/// version does not validate, nor a place without `shared`.
#[test]
fn history_output_validates_against_its_schema() {
    use standings::compute::history::{History, Place, TeamLine};
    let place = |position, shared| Some(Place { position, shared });
    let h = History {
        input: 0,
        competition: "Cup".into(),
        group: "Group A".into(),
        steps: vec!["Matchday 1".into(), "Matchday 2".into()],
        teams: vec![
            TeamLine {
                team: "Alpha".into(),
                places: vec![place(1, true), place(1, false)],
            },
            TeamLine {
                team: "Beta".into(),
                places: vec![place(1, true), place(2, false)],
            },
            TeamLine {
                team: "Gamma".into(),
                places: vec![None, place(3, false)],
            },
        ],
    };
    let text = standings::report::history::json::render(&[h]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    validates(&json, "history", "history");
    let validator = jsonschema::validator_for(&schema("history")).unwrap();
    let mut later = json.clone();
    later["version"] = 2.into();
    assert!(!validator.is_valid(&later));
    let mut missing = json.clone();
    missing["competitions"][0]["groups"][0]["teams"][0]["places"][0]
        .as_object_mut()
        .unwrap()
        .remove("shared");
    assert!(!validator.is_valid(&missing));
}

/// Real `history --format json` output (rounds; days, shared places and eight groups; a CSV
/// file's days) against the history schema as committed and closed.
#[test]
fn real_history_output_validates_against_its_schema() {
    let runs: [&[&str]; 3] = [
        &["tests/fixtures/as_of/league.toml"],
        &[
            "../shared/real/2019-20-uefa.cl.json",
            "--rules",
            "rules/uefa-champions-league-2019-20.toml",
        ],
        &[
            "tests/fixtures/league.csv",
            "--rules",
            "rules/premier-league.toml",
        ],
    ];
    for args in runs {
        let mut all = vec!["history"];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let run = standings(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        validates(&json, "history", &format!("{args:?}"));
    }
}

/// Every field the table, history and run-in schemas describe is in a field table of
/// docs/output.md.
#[test]
fn every_table_field_is_documented() {
    let docs = fs::read_to_string("docs/output.md").unwrap();
    for kind in ["table", "history", "runin"] {
        fields_documented(&docs, &schema(kind));
    }
}

fn fields_documented(docs: &str, schema: &serde_json::Value) {
    let mut objects = vec![schema];
    objects.extend(schema["$defs"].as_object().unwrap().values());
    for object in objects {
        // An enum (the run-in's `title`) has values, not fields.
        let Some(properties) = object["properties"].as_object() else {
            continue;
        };
        for field in properties.keys() {
            // `field`, `groups[].field`, `field[]`, `rows[].played` `won`, `{points, reason}`.
            let named = ["`", ".", "{", ", "].iter().any(|before| {
                ["`", "[]", ",", "}"]
                    .iter()
                    .any(|after| docs.contains(&format!("{before}{field}{after}")))
            });
            assert!(named, "`{field}` is not in docs/output.md");
        }
    }
}
