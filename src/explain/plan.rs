//! A readable plan (`competency-rules plan --format text`), in one of the pack's languages: the
//! target, whether the plan is a proven minimum, the items with what each closes, what the plan
//! changes (the what-if), the gaps no catalogue item can close and what could, and what else
//! completion needs.

use super::{Words, write_projection};
use crate::messages::{Label, PlanLabel};
use crate::pack::{Named, Pack};
use crate::plan::{Amount, GoalRef, Measure, Plan};
use std::fmt::Write;

/// An amount (hours, cost) as the language writes a number: `4,800.5`, `4 800,5`.
fn amount(value: Amount, lang: &str) -> String {
    let (group, decimal) = if lang == "fr" {
        ('\u{a0}', ',')
    } else {
        (',', '.')
    };
    let digits = (value.0 / 100).to_string();
    let mut whole = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            whole.push(group);
        }
        whole.push(d);
    }
    match value.0 % 100 {
        0 => whole,
        c if c % 10 == 0 => format!("{whole}{decimal}{}", c / 10),
        c => format!("{whole}{decimal}{c:02}"),
    }
}

/// Writes `plan` as plain text in `lang` (falling back to the pack's first language).
pub fn explain_plan(pack: &Pack, plan: &Plan, lang: &str) -> String {
    let words = Words::new(pack, lang);
    let lang = words.lang.as_str();
    let colon = words.colon();
    let label = |l: Label| words.label(l);
    let plan_label = |l: PlanLabel| words.render(l.code(), &[]);
    let render = |l: PlanLabel, params: &[(&str, String)]| words.render(l.code(), params);
    let count = |n: String| render(PlanLabel::Count, &[("count", n)]);
    let hours = |a: Amount| render(PlanLabel::Hours, &[("hours", amount(a, lang))]);
    let cost = |a: Amount| render(PlanLabel::Cost, &[("cost", amount(a, lang))]);
    // A competency at a level, and "for the next level" where that is what needs it.
    let goal = |g: &GoalRef| {
        let next = if g.for_ == "next" {
            format!(", {}", plan_label(PlanLabel::ForNext))
        } else {
            String::new()
        };
        format!(
            "{} ({}{next})",
            words.name(Named::Competency, &g.competency),
            words.proficiency(&g.competency, &g.level)
        )
    };
    let mut out = String::new();
    let report = &plan.projection.report;
    let title = render(
        PlanLabel::Title,
        &[
            ("participant", report.participant.clone()),
            ("as_of", plan.as_of.to_string()),
        ],
    );
    let _ = writeln!(out, "{title}");
    let (target, level) = match plan.target {
        "next" => (
            PlanLabel::TargetNext,
            report.next_level.as_ref().map(|n| n.level.to_string()),
        ),
        "current" => (PlanLabel::TargetCurrent, Some(report.level.clone())),
        _ => (PlanLabel::TargetCompetencies, None),
    };
    let level = level.map(|l| words.level(&l)).unwrap_or_default();
    let named: Vec<String> = plan.named.iter().map(goal).collect();
    let _ = writeln!(
        out,
        "{}",
        render(
            target,
            &[("level", level), ("competencies", named.join(", "))]
        )
    );
    if plan.after_time_limit {
        let deadline = plan.deadline.map(|d| d.to_string()).unwrap_or_default();
        let line = render(
            PlanLabel::AfterTimeLimit,
            &[
                ("deadline", deadline),
                ("date", plan.complete_by.to_string()),
            ],
        );
        let _ = writeln!(out, "{line}");
    }
    let in_units = |a: Amount| match plan.by {
        Measure::Count => count(amount(a, lang)),
        Measure::Hours => hours(a),
        Measure::Cost => cost(a),
    };
    let mut totals = vec![count(plan.total.items.to_string())];
    totals.extend(plan.total.hours.map(hours));
    totals.extend(plan.total.cost.map(cost));
    let total = totals.join(", ");
    let _ = writeln!(
        out,
        "{}",
        if plan.optimal {
            render(PlanLabel::Optimal, &[("total", total)])
        } else {
            render(
                PlanLabel::NotOptimal,
                &[("total", total), ("bound", in_units(plan.lower_bound))],
            )
        }
    );
    if !plan.reaches_target {
        let _ = writeln!(out, "{}", plan_label(PlanLabel::Unreached));
    }
    let _ = writeln!(out);
    if plan.items.is_empty() && plan.reaches_target {
        let _ = writeln!(out, "{}", plan_label(PlanLabel::AlreadyMet));
    } else if plan.items.is_empty() {
        let _ = writeln!(out, "{}", plan_label(PlanLabel::NoItems));
    } else {
        let heading = render(PlanLabel::Items, &[("date", plan.complete_by.to_string())]);
        let _ = writeln!(out, "{heading}{}", colon.trim_end());
    }
    for (n, item) in plan.items.iter().enumerate() {
        let mut facts = vec![words.name(Named::EvidenceKind, &item.kind)];
        if item.equivalency {
            facts.push(plan_label(PlanLabel::OnlyIfHeld));
        }
        facts.extend(item.hours.map(hours));
        facts.extend(item.cost.map(cost));
        let closes: Vec<String> = item.closes.iter().map(goal).collect();
        let _ = writeln!(
            out,
            "  {}. {} ({}) — {}{colon}{}",
            n + 1,
            words.name(Named::CatalogueItem, &item.item),
            facts.join("; "),
            plan_label(PlanLabel::Closes),
            closes.join(", ")
        );
    }
    // What the plan achieves overall: competencies met at the level, and the next level's share.
    if !plan.planned.is_empty() {
        let line = render(
            PlanLabel::ResultCompetencies,
            &[
                ("before", plan.now.met.to_string()),
                ("after", plan.then.met.to_string()),
                ("required", plan.then.required.to_string()),
            ],
        );
        let _ = writeln!(out, "  {line}");
        if let (Some(before), Some(after), Some(next)) = (
            plan.now.next_level_percent,
            plan.then.next_level_percent,
            report.next_level.as_ref(),
        ) {
            let line = render(
                PlanLabel::ResultNext,
                &[
                    ("before", before.to_string()),
                    ("after", after.to_string()),
                    ("needed", next.needed_percent.to_string()),
                ],
            );
            let _ = writeln!(out, "  {line}");
        }
        write_projection(&mut out, &words, &plan.projection);
    }
    // Gaps no item can close, grouped by what could show them (most share the same kinds).
    let role = |r: &str| Label::from_code(&format!("role.{r}")).map_or_else(|| r.to_owned(), label);
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for gap in plan.gaps.iter().filter(|g| !g.catalogue_can_close) {
        let kinds: Vec<String> = gap
            .kinds
            .iter()
            .map(|k| {
                let roles: Vec<String> = k.assessors.iter().map(|r| role(r)).collect();
                format!(
                    "{} ({})",
                    words.name(Named::EvidenceKind, &k.kind),
                    roles.join(", ")
                )
            })
            .collect();
        let mut line = goal(&gap.goal);
        if !gap.rules.is_empty() {
            let rules: Vec<String> = gap
                .rules
                .iter()
                .map(|r| words.name(Named::Rule, r))
                .collect();
            let _ = write!(
                line,
                " — {} {}",
                plan_label(PlanLabel::OrThrough),
                rules.join(", ")
            );
        }
        if !gap.pending.is_empty() {
            let _ = write!(
                line,
                " — {}{colon}{}",
                label(Label::StatePendingReview),
                gap.pending.join(", ")
            );
        }
        let key = kinds.join("; ");
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, lines)) => lines.push(line),
            None => groups.push((key, vec![line])),
        }
    }
    if !groups.is_empty() {
        let _ = writeln!(out, "\n{}{}", plan_label(PlanLabel::Gaps), colon.trim_end());
    }
    for (kinds, lines) in groups {
        let _ = writeln!(out, "  {}{colon}{kinds}", plan_label(PlanLabel::ShowBy));
        for line in lines {
            let _ = writeln!(out, "    {line}");
        }
    }
    let not_needed: Vec<String> = plan
        .gaps
        .iter()
        .filter(|g| g.catalogue_can_close)
        .map(|g| goal(&g.goal))
        .collect();
    if !not_needed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{colon}{}",
            plan_label(PlanLabel::GapsNotNeeded),
            not_needed.join(", ")
        );
    }
    if !plan.not_plannable.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            plan_label(PlanLabel::NotPlannable),
            colon.trim_end()
        );
        for item in &plan.not_plannable {
            let _ = writeln!(
                out,
                "  {}{colon}{}",
                words.name(Named::CatalogueItem, &item.item),
                words.message(&item.reason)
            );
        }
    }
    if !plan.pending.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{colon}{}",
            label(Label::WaitingForReview),
            plan.pending.join(", ")
        );
    }
    // What else completion needs, as the projection says it; then the time limit, counted from
    // the planning date.
    let also: Vec<_> = plan
        .also_needed
        .iter()
        .filter(|r| r.id != "time_limit")
        .collect();
    if !also.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            plan_label(PlanLabel::AlsoNeeded),
            colon.trim_end()
        );
    }
    for r in also {
        let _ = writeln!(
            out,
            "  ✗ {}{colon}{}",
            Label::from_code(&format!("requirement.{}", r.id))
                .map_or_else(|| r.id.to_owned(), label),
            words.message(&r.reason)
        );
    }
    if let (Some(deadline), Some(days)) = (plan.deadline, plan.days_left) {
        let line = if days >= 0 {
            render(
                PlanLabel::Deadline,
                &[
                    ("deadline", deadline.to_string()),
                    ("days", days.to_string()),
                    ("as_of", plan.as_of.to_string()),
                ],
            )
        } else {
            render(
                PlanLabel::DeadlinePassed,
                &[("deadline", deadline.to_string())],
            )
        };
        let _ = writeln!(out, "\n{line}");
    }
    out
}
