//! The planner's run: the candidates (catalogue items the participant could still take that
//! would count by the completion date), the search, and the plan as the caller reads it, checked
//! by the what-if evaluation of its items.

use super::goals::Goals;
use super::search::{Candidate, Search, met_with};
use super::state::{Fact, State};
use super::*;
use crate::eval::Ctx;
use crate::eval::admission::Admission;
use crate::eval::projection;
use crate::pack::document::{AssessorRole, CountsAs};
use crate::pack::model::{Condition, Rank};
use crate::report::Report;

/// The id a planned catalogue item gets: `plan:` and the item's id (made unique among the
/// participant's evidence ids if need be).
fn planned_id(participant: &Participant, item: &str) -> String {
    let taken = |id: &str| {
        participant.evidence.iter().any(|e| match e {
            crate::participant::EvidenceEntry::Item(ev) => ev.id == id,
            crate::participant::EvidenceEntry::Malformed(m) => m.id.as_deref() == Some(id),
        })
    };
    let mut id = format!("plan:{item}");
    let mut n = 2;
    while taken(&id) {
        id = format!("plan:{item}#{n}");
        n += 1;
    }
    id
}

/// Catalogue item `item` (of `kind`) planned for `date`.
fn planned_item(participant: &Participant, item: &str, kind: &str, date: Date) -> Planned {
    Planned {
        id: planned_id(participant, item),
        kind: kind.to_owned(),
        date,
        item: Some(item.to_owned()),
        grade: None,
        claims: Vec::new(),
        topic: None,
        note: None,
    }
}

/// Per candidate: the highest rank it could give each competency, directly or, optimistically, as
/// a condition of a rule (through the competencies rules read, transitively).
fn may_give(pack: &Pack, facts: &[Fact]) -> Vec<Vec<Option<Rank>>> {
    let model = &pack.model;
    let mut gives: Vec<Vec<Option<Rank>>> = facts
        .iter()
        .map(|f| {
            let mut row = vec![None; model.competencies.len()];
            for (comp, rank) in &f.gives {
                if let Some(slot) = row.get_mut(*comp) {
                    *slot = Some(slot.map_or(*rank, |r: Rank| r.max(*rank)));
                }
            }
            row
        })
        .collect();
    // Rules come in dependency order; a second pass changes nothing unless a pack's order does
    // not hold, so loop until nothing changes.
    loop {
        let mut changed = false;
        for rule in &model.rules {
            for (i, fact) in facts.iter().enumerate() {
                let Some(row) = gives.get(i) else { continue };
                if !touches(&rule.when, fact, row) {
                    continue;
                }
                if let Some(row) = gives.get_mut(i) {
                    for (comp, rank) in &rule.grants {
                        if let Some(slot) = row.get_mut(*comp)
                            && slot.is_none_or(|r| r < *rank)
                        {
                            *slot = Some(*rank);
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            return gives;
        }
    }
}

/// Whether `fact` (which could give `row`) could make a leaf of `cond` hold.
fn touches(cond: &Condition, fact: &Fact, row: &[Option<Rank>]) -> bool {
    match cond {
        Condition::All(children) | Condition::Any(children) | Condition::NOf(_, children) => {
            children.iter().any(|c| touches(c, fact, row))
        }
        Condition::Points(_, children) => children.iter().any(|(_, c)| touches(c, fact, row)),
        Condition::Item(item) => fact.item == Some(*item),
        Condition::Achieved(comp, rank) => row
            .get(*comp)
            .copied()
            .flatten()
            .is_some_and(|r| r >= *rank),
        Condition::Kind { kind, claim, .. } => {
            fact.kind == *kind
                && claim.is_none_or(|(comp, rank)| {
                    fact.gives.iter().any(|(c, r)| *c == comp && *r >= rank)
                })
        }
    }
}

/// The rank a report's level id stands for on competency `ci`'s scale.
fn rank_of(pack: &Pack, ci: usize, level: Option<&str>) -> Option<Rank> {
    let scale = pack.model.scale_of(ci)?;
    let index = scale.index.get(level?)?;
    Rank::try_from(index).ok()
}

/// The goals a report meets (a flag per goal).
fn met_in(pack: &Pack, goals: &Goals, report: &Report) -> Vec<bool> {
    goals
        .goals
        .iter()
        .map(|g| {
            let achieved = report
                .competencies
                .get(g.competency)
                .and_then(|c| c.achieved.as_deref());
            rank_of(pack, g.competency, achieved).is_some_and(|r| r >= g.rank)
        })
        .collect()
}

/// An item's hours or cost in hundredths (`None` if it gives none, or one that is not a
/// non-negative number).
fn amount(value: Option<f64>) -> Option<Amount> {
    let value = value?;
    if !(0.0..=1e12).contains(&value) {
        return None;
    }
    // (Checked above: finite, non-negative and small enough for u64 hundredths.)
    Some(Amount((value * 100.0).round() as u64))
}

/// The whole run of the planner.
pub(super) fn plan(
    pack: &Pack,
    participant: &Participant,
    as_of: Date,
    options: &PlanOptions,
    clock: &dyn Fn() -> f64,
) -> Result<Plan, PlanError> {
    let model = &pack.model;
    let doc = pack.document();
    let complete_by = options.complete_by.unwrap_or(as_of);
    if complete_by < as_of {
        return Err(PlanError::CompleteByBeforeAsOf { as_of, complete_by });
    }
    // The participant's own planned items are not part of this plan.
    let mut base = participant.clone();
    base.planned.clear();
    let actual = crate::eval::evaluate(pack, &base, as_of)?;
    let level = model
        .org_level_index(&participant.level)
        .unwrap_or_default();
    let mut ctx = Ctx::new(pack, &base, complete_by, level);
    let (state, waiting) = State::new(&mut ctx);
    let mut goals = Goals::of(&ctx, &options.target)?;

    // Candidates: items not taken and not waiting for review, that would count on the date.
    let mut facts: Vec<Fact> = Vec::new();
    let mut item_of: Vec<usize> = Vec::new();
    let mut refused: Vec<(usize, crate::report::Reason)> = Vec::new();
    for (ii, item) in model.items.iter().enumerate() {
        if state.base().iter().any(|f| f.item == Some(ii)) || waiting.iter().any(|(w, _)| *w == ii)
        {
            continue;
        }
        let Some(kind) = model.kinds.get(item.kind) else {
            continue;
        };
        let planned = planned_item(&base, &item.id, &kind.id, complete_by);
        let ev = projection::as_evidence(pack, &base, &planned);
        let mut check = Ctx::new(pack, &base, complete_by, level);
        match check.admit(&ev) {
            Admission::Counted(counted) => {
                facts.push(Fact::of(&counted));
                item_of.push(ii);
            }
            Admission::Pending(_) | Admission::Refused => {
                if let Some(why) = check.not_counted.pop() {
                    refused.push((ii, why.reason));
                }
            }
        }
    }
    let met_now = goals.met(&state.achieved(&[]));
    let reach = may_give(pack, &facts);
    let covers = |row: &[Option<Rank>]| -> Vec<bool> {
        goals
            .goals
            .iter()
            .zip(&met_now)
            .map(|(g, met)| {
                !met && row
                    .get(g.competency)
                    .copied()
                    .flatten()
                    .is_some_and(|r| r >= g.rank)
            })
            .collect()
    };
    // The measure of each candidate.
    let measure = |ii: usize| -> Option<Amount> {
        let id = model.items.get(ii).map(|i| &*i.id)?;
        let entry = doc.catalogue.iter().find(|c| c.id == id)?;
        match options.by {
            Measure::Count => Some(Amount(1)),
            Measure::Hours => amount(entry.hours),
            Measure::Cost => amount(entry.cost),
        }
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut candidate_item: Vec<usize> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for ((fact, row), ii) in facts.into_iter().zip(&reach).zip(item_of) {
        let cover = covers(row);
        if !cover.iter().any(|c| *c) {
            continue;
        }
        let Some(cost) = measure(ii) else {
            missing.push(
                model
                    .items
                    .get(ii)
                    .map(|i| i.id.to_string())
                    .unwrap_or_default(),
            );
            continue;
        };
        candidates.push(Candidate {
            fact,
            cost: cost.0,
            cover,
        });
        candidate_item.push(ii);
    }
    if !missing.is_empty() {
        return Err(PlanError::MissingMeasure {
            by: options.by,
            items: missing,
        });
    }
    // What the whole catalogue reaches: each quota asks at most that.
    let original = goals.clone();
    let all: Vec<usize> = (0..candidates.len()).collect();
    // Without rules, and without the prior-learning cap among the candidates, what an item closes
    // does not depend on the others: the search then adds up the items' own.
    // (Only where adding an item can never undo another's effect: see `State::monotone`.)
    let facts: Vec<&Fact> = candidates.iter().map(|c| &c.fact).collect();
    let monotone = state.monotone(&facts);
    let additive = monotone && model.rules.is_empty();
    let search = Search::new(&state, &goals, &candidates, false, clock, options.budget_ms);
    let mut met_all = search.met(&all);
    if !monotone {
        // Every item together may reach less than some alone: a gap any one item closes is one
        // the catalogue can close.
        for c in 0..candidates.len() {
            for (all, alone) in met_all.iter_mut().zip(search.met(&[c])) {
                *all |= alone;
            }
        }
    }
    let met_together = search.met(&all);
    let reachable: Vec<usize> = (0..goals.quotas.len())
        .map(|q| goals.value(q, &met_together))
        .collect();
    for (quota, most) in goals.quotas.iter_mut().zip(reachable) {
        quota.need = quota.need.min(most);
    }
    let found = Search::new(
        &state,
        &goals,
        &candidates,
        additive,
        clock,
        options.budget_ms,
    )
    .run();
    let chosen = found.chosen.clone().unwrap_or_default();
    let found_cost: u64 = chosen
        .iter()
        .filter_map(|c| candidates.get(*c))
        .map(|c| c.cost)
        .sum();

    // The plan's items as planned items, and their what-if evaluation.
    let mut planned: Vec<Planned> = Vec::new();
    for &c in &chosen {
        let Some(item) = candidate_item.get(c).and_then(|ii| model.items.get(*ii)) else {
            continue;
        };
        let kind = model
            .kinds
            .get(item.kind)
            .map(|k| k.id.to_string())
            .unwrap_or_default();
        planned.push(planned_item(&base, &item.id, &kind, complete_by));
    }
    let mut with_plan = base.clone();
    with_plan.planned = planned.clone();
    let projection =
        projection::project(pack, &with_plan, complete_by, &actual, &Default::default())?;
    let met_plan = met_in(pack, &goals, &projection.report);
    let expected = met_with(&state, &goals, &candidates, &chosen);
    if met_plan != expected {
        let differ: Vec<String> = goals
            .goals
            .iter()
            .zip(met_plan.iter().zip(&expected))
            .filter(|(_, (a, b))| a != b)
            .filter_map(|(g, _)| {
                model
                    .competencies
                    .get(g.competency)
                    .map(|c| c.id.to_string())
            })
            .collect();
        return Err(PlanError::Unverified {
            detail: format!("competencies {}", differ.join(", ")),
        });
    }
    // The report's own verdict agrees where the plan reaches the whole target: the level's
    // competencies requirement (current), the next level's share (next).
    if original.satisfied(&met_plan) {
        let report = &projection.report;
        let competencies_met = report
            .requirements
            .iter()
            .any(|r| r.id == "competencies" && r.met);
        let next_share = report
            .next_level
            .as_ref()
            .is_some_and(|n| n.percent >= n.needed_percent);
        let agrees = match options.target {
            Target::Current => competencies_met,
            Target::Next => next_share,
            _ => true,
        };
        if !agrees {
            return Err(PlanError::Unverified {
                detail: "the projected report does not reach the target".to_owned(),
            });
        }
    }
    if !goals.satisfied(&met_plan) {
        return Err(PlanError::Unverified {
            detail: "the target's share is not reached".to_owned(),
        });
    }
    let level_name = |ci: usize, rank: Rank| model.level_id(ci, rank);
    let goal_ref = |g: &super::goals::Goal| GoalRef {
        competency: model
            .competencies
            .get(g.competency)
            .map(|c| c.id.clone())
            .unwrap_or_else(|| Id::from("")),
        level: level_name(g.competency, g.rank),
        for_: goals.quotas.get(g.quota).map_or("current", |q| q.purpose),
    };

    // Per item: the goals it closes: newly met, through a source that names it or, where a rule
    // reads competencies rather than evidence, because the plan without it would not meet them.
    // (A goal several items meet together, none of them needed alone, goes to each that could
    // help close it.)
    let newly: Vec<bool> = met_now
        .iter()
        .zip(&met_plan)
        .map(|(before, after)| !before && *after)
        .collect();
    let needs: Vec<Vec<bool>> = (0..chosen.len())
        .map(|k| {
            let without: Vec<usize> = chosen
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, c)| *c)
                .collect();
            let met = met_with(&state, &goals, &candidates, &without);
            met_plan
                .iter()
                .zip(&met)
                .map(|(with, without)| *with && !without)
                .collect()
        })
        .collect();
    let named_by = |gi: usize, planned_id: &str| {
        goals.goals.get(gi).is_some_and(|g| {
            projection
                .report
                .competencies
                .get(g.competency)
                .is_some_and(|r| {
                    r.sources.iter().any(|s| {
                        s.evidence.iter().any(|e| e == planned_id)
                            && rank_of(pack, g.competency, Some(&s.level))
                                .is_some_and(|r| r >= g.rank)
                    })
                })
        })
    };
    let attributed: Vec<Vec<bool>> = chosen
        .iter()
        .zip(&planned)
        .enumerate()
        .map(|(k, (_, p))| {
            (0..goals.goals.len())
                .map(|gi| {
                    newly.get(gi).copied().unwrap_or(false)
                        && (named_by(gi, &p.id)
                            || needs
                                .get(k)
                                .and_then(|n| n.get(gi))
                                .copied()
                                .unwrap_or(false))
                })
                .collect()
        })
        .collect();
    let mut items = Vec::new();
    for (k, (&c, p)) in chosen.iter().zip(&planned).enumerate() {
        let Some(ii) = candidate_item.get(c).copied() else {
            continue;
        };
        let Some(item) = model.items.get(ii) else {
            continue;
        };
        let mut closes: Vec<GoalRef> = Vec::new();
        for (gi, g) in goals.goals.iter().enumerate() {
            let mine = attributed
                .get(k)
                .and_then(|a| a.get(gi))
                .copied()
                .unwrap_or(false);
            let nobody = newly.get(gi).copied().unwrap_or(false)
                && !attributed
                    .iter()
                    .any(|a| a.get(gi).copied().unwrap_or(false));
            let could = candidates
                .get(c)
                .and_then(|cand| cand.cover.get(gi))
                .copied()
                .unwrap_or(false);
            if mine || (nobody && could) {
                closes.push(goal_ref(g));
            }
        }
        closes.dedup();
        let entry = doc.catalogue.iter().find(|e| *e.id == *item.id);
        items.push(PlanItem {
            equivalency: model.kinds.get(item.kind).is_some_and(|k| k.equivalency),
            item: item.id.clone(),
            kind: model
                .kinds
                .get(item.kind)
                .map(|k| k.id.clone())
                .unwrap_or_else(|| Id::from("")),
            planned: p.id.clone(),
            hours: entry.and_then(|e| amount(e.hours)),
            cost: entry.and_then(|e| amount(e.cost)),
            closes,
        });
    }
    let total = PlanTotal {
        items: items.len(),
        hours: items.iter().map(|i| i.hours).sum::<Option<Amount>>(),
        cost: items.iter().map(|i| i.cost).sum::<Option<Amount>>(),
    };

    // Gaps: target goals the plan leaves short (members of a group only while it is not full).
    let group_full = |q: usize, group: usize| {
        let count = goals
            .goals
            .iter()
            .zip(&met_plan)
            .filter(|(g, m)| **m && g.quota == q && g.group == Some(group))
            .count();
        goals
            .quotas
            .get(q)
            .and_then(|quota| quota.groups.get(group))
            .is_some_and(|cap| count >= *cap)
    };
    let mut gaps = Vec::new();
    for (gi, g) in goals.goals.iter().enumerate() {
        if met_plan.get(gi).copied().unwrap_or(true)
            || g.group.is_some_and(|group| group_full(g.quota, group))
        {
            continue;
        }
        gaps.push(gap(
            &ctx,
            state.cap_room(),
            &actual,
            g,
            goal_ref(g),
            met_all.get(gi).copied().unwrap_or(false),
        ));
    }
    let open_competencies: Vec<usize> = goals
        .goals
        .iter()
        .zip(&met_now)
        .filter(|(_, m)| !**m)
        .map(|(g, _)| g.competency)
        .collect();
    let not_plannable = refused
        .into_iter()
        .filter(|(ii, _)| {
            model.items.get(*ii).is_some_and(|item| {
                item.grants
                    .iter()
                    .any(|(c, _)| open_competencies.contains(c))
            })
        })
        .filter_map(|(ii, reason)| {
            Some(NotPlannable {
                item: model.items.get(ii)?.id.clone(),
                reason,
            })
        })
        .collect();
    let mut pending: Vec<String> = waiting.into_iter().map(|(_, id)| id).collect();
    crate::sorting::sort(&mut pending);
    let also_needed = projection
        .report
        .requirements
        .iter()
        .filter(|r| !r.met && r.id != "competencies")
        .cloned()
        .collect();
    let deadline = model
        .completion
        .get(level)
        .and_then(|c| c.time_limit_months)
        .and_then(|months| participant.enrolled.add_months(months));
    let scale = |amount: u64| match options.by {
        Measure::Count => Amount(amount * 100),
        Measure::Hours | Measure::Cost => Amount(amount),
    };
    Ok(Plan {
        as_of,
        complete_by,
        target: options.target.id(),
        named: goals
            .goals
            .iter()
            .filter(|g| {
                goals
                    .quotas
                    .get(g.quota)
                    .is_some_and(|q| q.purpose == "target")
            })
            .map(goal_ref)
            .collect(),
        by: options.by,
        // (A minimum is proven only where items cannot undo each other's effects; a search cut
        // short whose plan meets its lower bound has proven it all the same.)
        optimal: monotone
            && (found.optimal || found.chosen.is_some() && found.lower_bound >= found_cost),
        // (Where items can undo each other's effects no bound is proven.)
        lower_bound: if monotone {
            scale(found.lower_bound)
        } else {
            Amount(0)
        },
        reaches_target: original.satisfied(&met_plan),
        total,
        items,
        planned,
        gaps,
        not_plannable,
        pending,
        also_needed,
        deadline,
        days_left: deadline.map(|d| as_of.days_until(d)),
        after_time_limit: deadline.is_some_and(|d| d < complete_by),
        now: Standing::of(&actual),
        then: Standing::of(&projection.report),
        nodes: found.nodes,
        projection,
    })
}

/// A gap, with the evidence kinds that could show it, the rules that grant it, and evidence
/// waiting for review that would give it.
fn gap(
    ctx: &Ctx<'_>,
    cap_room: Option<usize>,
    report: &Report,
    goal: &super::goals::Goal,
    goal_ref: GoalRef,
    catalogue_can_close: bool,
) -> Gap {
    let pack = ctx.pack;
    let participant = ctx.participant;
    let model = &pack.model;
    let competency = model.competencies.get(goal.competency);
    let scale = competency.map_or(0, |c| c.scale);
    // A claim can be made on the planning date: the window is judged then; and equivalency is
    // offered only while the prior-learning cap has room.
    let window_open = pack
        .document()
        .equivalency
        .claim_window_days
        .is_none_or(|days| {
            participant
                .enrolled
                .add_days(days)
                .is_some_and(|end| report.as_of <= end)
        });
    let equivalency_open = window_open
        && cap_room.is_none_or(|room| room > 0)
        && competency.is_some_and(|c| c.allow_equivalency);
    // Only the assessors the participant has: their own eligible coach or mentor.
    let usable = |role: &AssessorRole| match role {
        AssessorRole::Coach => ctx.coach_eligible,
        AssessorRole::Mentor => ctx.mentor_eligible,
        _ => true,
    };
    let kinds = model
        .kinds
        .iter()
        .filter(|k| k.counts_as == CountsAs::CompetencyClaims)
        .filter(|k| {
            k.max_level
                .get(scale)
                .copied()
                .flatten()
                .is_none_or(|max| max >= goal.rank)
        })
        .filter(|k| !k.equivalency || equivalency_open)
        .map(|k| GapKind {
            kind: k.id.clone(),
            assessors: k
                .assessors
                .iter()
                .filter(|a| usable(a))
                .map(|a| a.id())
                .collect(),
        })
        .filter(|k| !k.assessors.is_empty())
        .collect();
    let rules = model
        .rules
        .iter()
        .filter(|r| {
            r.grants
                .iter()
                .any(|(c, rank)| *c == goal.competency && *rank >= goal.rank)
        })
        .map(|r| r.id.clone())
        .collect();
    let pending = report
        .competencies
        .get(goal.competency)
        .map(|c| c.pending.clone())
        .unwrap_or_default();
    Gap {
        goal: goal_ref,
        catalogue_can_close,
        kinds,
        rules,
        pending,
    }
}
