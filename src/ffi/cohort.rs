//! The boundary of cohort reports (with the planner's module, feature `planning`): participants
//! (JSON Lines, or a JSON array of participant documents) and options in, the report's JSON out.

use super::args::Options;
use super::{Failure, FailureCode, date, to_json};
use crate::cohort::{Cohort, CohortOptions, GroupBy};
use crate::pack::Pack;
use serde_json::Value;

fn invalid(path: &str, message: &str) -> Failure {
    Failure::new(FailureCode::InvalidArgument, path, message.to_owned())
}

/// The options of a cohort report: `readyWithin`, `nearDays`, `minCell` (whole numbers; `minCell`
/// at least 1), `groupBy` (`"organization"`, `"level"`, or a list of them; `[]` for the whole
/// cohort only) and `aggregateOnly` (a boolean).
pub fn cohort_options(text: &str) -> Result<CohortOptions, Failure> {
    const KEYS: [&str; 5] = [
        "readyWithin",
        "nearDays",
        "groupBy",
        "aggregateOnly",
        "minCell",
    ];
    let given = Options::parse(text)?;
    let mut options = CohortOptions::default();
    if let Some(key) = given.keys().find(|k| !KEYS.contains(k)) {
        let message = format!(
            "`{key}` is not an option of a cohort report ({})",
            KEYS.join(", ")
        );
        return Err(invalid(key, &message));
    }
    let whole = |key: &str, least: u32| -> Result<Option<u32>, Failure> {
        let Some(value) = given.get(key) else {
            return Ok(None);
        };
        value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n >= least)
            .map(Some)
            .ok_or_else(|| invalid(key, &format!("a whole number, at least {least}")))
    };
    if let Some(n) = whole("readyWithin", 0)? {
        options.ready_within = n;
    }
    if let Some(n) = whole("nearDays", 0)? {
        options.near_days = n;
    }
    if let Some(n) = whole("minCell", 1)? {
        options.min_cell = n;
    }
    if let Some(value) = given.get("aggregateOnly") {
        options.aggregate_only = value
            .as_bool()
            .ok_or_else(|| invalid("aggregateOnly", "true or false"))?;
    }
    let group_by = |value: &Value, path: &str| {
        value
            .as_str()
            .and_then(GroupBy::from_id)
            .ok_or_else(|| invalid(path, "`organization` or `level`"))
    };
    match given.get("groupBy") {
        None => {}
        Some(Value::Array(list)) => {
            options.group_by = list
                .iter()
                .enumerate()
                .map(|(i, v)| group_by(v, &format!("groupBy[{i}]")))
                .collect::<Result<_, _>>()?;
        }
        Some(one) => options.group_by = vec![group_by(one, "groupBy")?],
    }
    Ok(options)
}

/// A cohort report on `participants` (JSON Lines, or a JSON array of participant documents) on
/// `as_of`: the report as JSON text, the same bytes natively and in WebAssembly. A participant
/// that cannot be read or evaluated is in the report's `unreadable`, by its position.
pub fn cohort(
    pack: &Pack,
    participants: &str,
    as_of: &str,
    options_json: &str,
) -> Result<String, Failure> {
    let as_of = date(as_of, "asOf")?;
    let options = cohort_options(options_json)?;
    let mut cohort = Cohort::new(pack, as_of, options);
    cohort
        .add_stream(participants.as_bytes(), None, 1)
        .map_err(|e| Failure::new(FailureCode::Internal, "participants", e.to_string()))?;
    to_json(&cohort.finish())
}
