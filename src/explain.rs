//! A readable explanation of a report, in one of the pack's languages, for program staff and
//! participants (`competency-rules evaluate --format text --lang fr`).

use crate::pack::Pack;
use crate::report::{CompetencyState, Report};
use std::fmt::Write;

/// Writes `report` as plain text in `lang` (falling back to the pack's first language).
pub fn explain(pack: &Pack, report: &Report, lang: &str) -> String {
    let lang = if pack.languages().iter().any(|l| l == lang) {
        lang.to_owned()
    } else {
        pack.languages().first().cloned().unwrap_or_default()
    };
    let label = |code: &str| pack.message(code, &lang).unwrap_or(code).to_owned();
    let name = |id: &str| pack.name_of(id, &lang).unwrap_or(id).to_owned();
    let message = |reason: &crate::report::Reason| {
        reason
            .message
            .get(&lang)
            .cloned()
            .unwrap_or_else(|| reason.code.to_owned())
    };
    let mut out = String::new();
    let doc = pack.document();
    let program = doc.program.name.get(&lang).cloned().unwrap_or_default();
    let _ = writeln!(out, "{program} — {} ({})", report.participant, report.as_of);
    if let Some(notice) = doc.program.notice.as_ref().and_then(|n| n.get(&lang)) {
        let _ = writeln!(out, "{notice}");
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}: {} — {}",
        label("label.status"),
        label(&format!("status.{}", report.status.id())),
        message(&report.status_reason)
    );
    let _ = writeln!(out, "{}: {}", label("label.level"), name(&report.level));
    let attained = report
        .level_attained
        .as_deref()
        .map_or_else(|| label("label.none"), &name);
    let _ = writeln!(out, "{}: {attained}", label("label.level_attained"));
    if let Some(next) = &report.next_level {
        let ready = if next.ready {
            label("label.ready")
        } else {
            label("label.not_ready")
        };
        let _ = writeln!(
            out,
            "{}: {} — {ready} ({}/{} {}, {}%)",
            label("label.next_level"),
            name(&next.level),
            next.met,
            next.required,
            label("label.met_count"),
            next.percent
        );
    }
    let _ = writeln!(out, "\n{}", label("label.requirements"));
    for r in &report.requirements {
        let mark = if r.met { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "  {mark} {}: {}",
            label(&format!("requirement.{}", r.id)),
            message(&r.reason)
        );
    }
    let _ = writeln!(out, "\n{}", label("label.outcomes"));
    for o in &report.outcomes {
        let _ = writeln!(
            out,
            "  {}: {}/{} {} ({}%)",
            name(&o.id),
            o.met,
            o.required,
            label("label.met_count"),
            o.percent
        );
    }
    let _ = writeln!(out, "\n{}", label("label.competencies"));
    for c in report
        .competencies
        .iter()
        .filter(|c| c.state != CompetencyState::NotRequired || c.achieved.is_some())
    {
        let required = c.required.as_deref().map_or_else(|| "-".to_owned(), &name);
        let achieved = c.achieved.as_deref().map_or_else(|| "-".to_owned(), &name);
        let _ = writeln!(
            out,
            "  [{}] {} — {} {required}, {} {achieved}",
            label(&format!("state.{}", c.state.id())),
            name(&c.id),
            label("label.required"),
            label("label.achieved"),
        );
        for s in &c.sources {
            let _ = writeln!(
                out,
                "      {} {} ({}): {}",
                label("label.via"),
                name(&s.from),
                name(&s.level),
                s.evidence.join(", ")
            );
        }
    }
    if !report.not_counted.is_empty() {
        let _ = writeln!(out, "\n{}", label("label.not_counted"));
        for n in &report.not_counted {
            let id = n.evidence.as_deref().or(n.at.as_deref()).unwrap_or("?");
            let what = n
                .competency
                .as_deref()
                .map(|c| format!(" [{}]", name(c)))
                .unwrap_or_default();
            let _ = writeln!(out, "  {id}{what}: {}", message(&n.reason));
        }
    }
    if !report.findings.is_empty() {
        let _ = writeln!(out, "\n{}", label("label.findings"));
        for f in &report.findings {
            let id = f
                .evidence
                .as_deref()
                .map(|e| format!("{e} "))
                .unwrap_or_default();
            let _ = writeln!(out, "  {id}{}: {}", f.field, message(&f.reason));
        }
    }
    out
}
