//! The boundary of the planner (feature `planning`): a plan for a participant, JSON text in and
//! out, with the options the npm package takes (`{target, by, completeBy, budgetMs}`).

use super::args::Options;
use super::{Failure, FailureCode, date, participant, to_json};
use crate::pack::Pack;
use crate::plan::{Measure, PlanError, PlanOptions, Target};
use serde_json::Value;

fn invalid(path: &str, message: String) -> Failure {
    Failure::new(FailureCode::InvalidArgument, path, message)
}

impl From<PlanError> for Failure {
    fn from(err: PlanError) -> Self {
        let message = err.to_string();
        match err {
            PlanError::Evaluate(e) => e.into(),
            PlanError::MissingMeasure { .. } => invalid("by", message),
            PlanError::CompleteByBeforeAsOf { .. } => invalid("completeBy", message),
            PlanError::Unverified { .. } => Failure::new(FailureCode::Internal, "", message),
            _ => invalid("target", message),
        }
    }
}

/// The options of a plan: `target` (`"current"`, `"next"`, or a list of competency ids, each
/// optionally `id=level`), `by` (`"count"`, `"hours"`, `"cost"`), `completeBy` (YYYY-MM-DD) and
/// `budgetMs` (a positive number).
pub fn plan_options(text: &str) -> Result<PlanOptions, Failure> {
    let given = Options::parse(text)?;
    let mut options = PlanOptions::default();
    for key in given.keys() {
        if !["target", "by", "completeBy", "budgetMs"].contains(&key) {
            return Err(invalid(
                key,
                format!("`{key}` is not an option of a plan (target, by, completeBy, budgetMs)"),
            ));
        }
    }
    match given.get("target") {
        None => {}
        Some(Value::String(word)) if word == "current" || word == "next" => {
            options.target = Target::parse(std::slice::from_ref(word));
        }
        Some(Value::Array(ids)) if !ids.is_empty() => {
            let mut words = Vec::with_capacity(ids.len());
            for (i, id) in ids.iter().enumerate() {
                match id.as_str() {
                    Some(id) if id != "current" && id != "next" => words.push(id.to_owned()),
                    _ => {
                        return Err(invalid(
                            &format!("target[{i}]"),
                            "a competency id (optionally `id=level`)".to_owned(),
                        ));
                    }
                }
            }
            options.target = Target::parse(&words);
        }
        Some(_) => {
            return Err(invalid(
                "target",
                "`current`, `next`, or a non-empty list of competency ids".to_owned(),
            ));
        }
    }
    if let Some(by) = given.get("by") {
        options.by = by
            .as_str()
            .and_then(Measure::from_id)
            .ok_or_else(|| invalid("by", "`count`, `hours` or `cost`".to_owned()))?;
    }
    if let Some(complete_by) = given.string("completeBy")? {
        options.complete_by = Some(date(&complete_by, "completeBy")?);
    }
    if let Some(budget) = given.get("budgetMs") {
        options.budget_ms = budget
            .as_f64()
            .filter(|ms| *ms > 0.0)
            .ok_or_else(|| invalid("budgetMs", "a positive number of milliseconds".to_owned()))?;
    }
    Ok(options)
}

/// A plan for a participant (JSON text) on `as_of`, the search timed by `clock` (milliseconds):
/// the plan as JSON text, the same bytes natively and in WebAssembly for a search that finishes.
pub fn plan(
    pack: &Pack,
    participant_json: &str,
    as_of: &str,
    options_json: &str,
    clock: &dyn Fn() -> f64,
) -> Result<String, Failure> {
    let as_of = date(as_of, "asOf")?;
    let options = plan_options(options_json)?;
    let participant = participant(participant_json)?;
    let plan = crate::plan::plan_with_clock(pack, &participant, as_of, &options, clock)?;
    to_json(&plan)
}
