//! The JSON Schemas in `schemas/` are what the loader's own types generate, and every bundled
//! rule and data file validates against its schema and names it on its first line.

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
    for kind in ["rules", "data"] {
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
            let value: toml::Value = toml::from_str(&text).unwrap();
            let json = serde_json::to_value(value).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        }
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
