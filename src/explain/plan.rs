//! A readable plan (`competency-rules plan --format text`), in one of the pack's languages: the
//! target, whether the plan is a proven minimum, the items with what each closes, what the plan
//! changes (the what-if), the gaps no catalogue item can close and what could, and what else
//! completion needs.

use super::{Words, write_projection};
use crate::messages::Label;
use crate::pack::{Named, Pack};
use crate::plan::{Amount, Measure, Plan};
use std::fmt::Write;

/// An amount (hours, cost) as the language writes a number: `12.5`, `12,5`.
fn amount(value: Amount, lang: &str) -> String {
    let whole = value.0 / 100;
    let cents = value.0 % 100;
    let text = match cents {
        0 => whole.to_string(),
        c if c % 10 == 0 => format!("{whole}.{}", c / 10),
        c => format!("{whole}.{c:02}"),
    };
    if lang == "fr" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Writes `plan` as plain text in `lang` (falling back to the pack's first language).
pub fn explain_plan(pack: &Pack, plan: &Plan, lang: &str) -> String {
    let words = Words::new(pack, lang);
    let lang = words.lang.as_str();
    let colon = words.colon();
    let label = |l: Label| words.label(l);
    let mut out = String::new();
    let report = &plan.projection.report;
    let _ = writeln!(
        out,
        "{}",
        words.render(
            Label::PlanTitle,
            &[
                ("participant", report.participant.clone()),
                ("as_of", plan.as_of.to_string()),
            ]
        )
    );
    let (target, level) = match plan.target {
        "next" => (
            Label::PlanTargetNext,
            report.next_level.as_ref().map(|n| n.level.to_string()),
        ),
        "current" => (Label::PlanTargetCurrent, Some(report.level.clone())),
        _ => (Label::PlanTargetCompetencies, None),
    };
    let level = level.map(|l| words.level(&l)).unwrap_or_default();
    let _ = writeln!(out, "{}", words.render(target, &[("level", level)]));
    let measure = label(match plan.by {
        Measure::Count => Label::PlanByCount,
        Measure::Hours => Label::PlanByHours,
        Measure::Cost => Label::PlanByCost,
    });
    let in_units = |a: Amount| match plan.by {
        Measure::Count => words.render(Label::PlanCount, &[("count", amount(a, lang))]),
        Measure::Hours => words.render(Label::PlanHours, &[("hours", amount(a, lang))]),
        Measure::Cost => words.render(Label::PlanCost, &[("cost", amount(a, lang))]),
    };
    let _ = writeln!(
        out,
        "{}",
        if plan.optimal {
            words.render(Label::PlanOptimal, &[("measure", measure)])
        } else {
            words.render(
                Label::PlanNotOptimal,
                &[("bound", in_units(plan.lower_bound)), ("measure", measure)],
            )
        }
    );
    if !plan.reaches_target {
        let _ = writeln!(out, "{}", label(Label::PlanUnreached));
    }
    let _ = writeln!(out);
    if plan.items.is_empty() {
        let _ = writeln!(out, "{}", label(Label::PlanNoItems));
    } else {
        let _ = writeln!(
            out,
            "{}{}",
            words.render(Label::PlanItems, &[("date", plan.complete_by.to_string())]),
            colon.trim_end()
        );
    }
    for (n, item) in plan.items.iter().enumerate() {
        let mut facts = vec![words.name(Named::EvidenceKind, &item.kind)];
        if let Some(hours) = item.hours {
            facts.push(words.render(Label::PlanHours, &[("hours", amount(hours, lang))]));
        }
        if let Some(cost) = item.cost {
            facts.push(words.render(Label::PlanCost, &[("cost", amount(cost, lang))]));
        }
        let closes: Vec<String> = item
            .closes
            .iter()
            .map(|g| {
                let next = if g.for_ == "next" {
                    format!(", {}", label(Label::PlanForNext))
                } else {
                    String::new()
                };
                format!(
                    "{} ({}{next})",
                    words.name(Named::Competency, &g.competency),
                    words.proficiency(&g.competency, &g.level)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {}. {} ({}) — {}{colon}{}",
            n + 1,
            words.name(Named::CatalogueItem, &item.item),
            facts.join("; "),
            label(Label::PlanCloses),
            closes.join(", ")
        );
    }
    if !plan.items.is_empty() {
        let mut totals =
            vec![words.render(Label::PlanCount, &[("count", plan.total.items.to_string())])];
        if let Some(hours) = plan.total.hours {
            totals.push(words.render(Label::PlanHours, &[("hours", amount(hours, lang))]));
        }
        if let Some(cost) = plan.total.cost {
            totals.push(words.render(Label::PlanCost, &[("cost", amount(cost, lang))]));
        }
        let _ = writeln!(
            out,
            "  {}{colon}{}",
            label(Label::PlanTotal),
            totals.join(", ")
        );
    }
    if !plan.planned.is_empty() {
        write_projection(&mut out, &words, &plan.projection);
    }
    for (heading, can_close) in [(Label::PlanGaps, false), (Label::PlanGapsNotNeeded, true)] {
        let gaps: Vec<_> = plan
            .gaps
            .iter()
            .filter(|g| g.catalogue_can_close == can_close)
            .collect();
        if gaps.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}{}", label(heading), colon.trim_end());
        for gap in gaps {
            let goal = &gap.goal;
            let mut line = format!(
                "  {} ({}",
                words.name(Named::Competency, &goal.competency),
                words.proficiency(&goal.competency, &goal.level)
            );
            if goal.for_ == "next" {
                let _ = write!(line, ", {}", label(Label::PlanForNext));
            }
            line.push(')');
            if !can_close {
                let kinds: Vec<String> = gap
                    .kinds
                    .iter()
                    .map(|k| {
                        let roles: Vec<String> = k
                            .assessors
                            .iter()
                            .map(|r| {
                                Label::from_code(&format!("role.{r}"))
                                    .map_or_else(|| (*r).to_owned(), label)
                            })
                            .collect();
                        format!(
                            "{} ({} {})",
                            words.name(Named::EvidenceKind, &k.kind),
                            label(Label::PlanAssessedBy),
                            roles.join(", ")
                        )
                    })
                    .collect();
                if !kinds.is_empty() {
                    let _ = write!(
                        line,
                        " — {}{colon}{}",
                        label(Label::PlanShowBy),
                        kinds.join("; ")
                    );
                }
                if !gap.rules.is_empty() {
                    let rules: Vec<String> = gap
                        .rules
                        .iter()
                        .map(|r| words.name(Named::Rule, r))
                        .collect();
                    let _ = write!(
                        line,
                        " — {}{colon}{}",
                        label(Label::PlanOrThrough),
                        rules.join(", ")
                    );
                }
            }
            if !gap.pending.is_empty() {
                let _ = write!(
                    line,
                    " — {}{colon}{}",
                    label(Label::StatePendingReview),
                    gap.pending.join(", ")
                );
            }
            let _ = writeln!(out, "{line}");
        }
    }
    if !plan.not_plannable.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            label(Label::PlanNotPlannable),
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
            label(Label::PlanAwaiting),
            plan.pending.join(", ")
        );
    }
    if !plan.also_needed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            label(Label::PlanAlsoNeeded),
            colon.trim_end()
        );
        for r in &plan.also_needed {
            let _ = writeln!(
                out,
                "  ✗ {}{colon}{}",
                Label::from_code(&format!("requirement.{}", r.id))
                    .map_or_else(|| r.id.to_owned(), label),
                words.message(&r.reason)
            );
        }
    }
    if let (Some(deadline), Some(days)) = (plan.deadline, plan.days_left) {
        let line = if days >= 0 {
            words.render(
                Label::PlanDeadline,
                &[
                    ("deadline", deadline.to_string()),
                    ("days", days.to_string()),
                ],
            )
        } else {
            words.render(
                Label::PlanDeadlinePassed,
                &[("deadline", deadline.to_string())],
            )
        };
        let _ = writeln!(out, "\n{line}");
    }
    out
}
