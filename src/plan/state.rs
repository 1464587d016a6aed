//! The planner's fast model of a participant: the evidence that counts, as owned facts, and the
//! competencies achieved with any set of candidate catalogue items added, computed the way
//! evaluation computes them (the prior-learning cap, overrides under the pack's precedence, the
//! equivalency rules in order) without building a report. A test holds it to evaluation.

use crate::date::Date;
use crate::eval::admission::{Counted, claimed_on};
use crate::eval::rules;
use crate::eval::{Ctx, apply_override};
use crate::pack::Pack;
use crate::pack::document::{CountsAs, OverridePolicy};
use crate::pack::model::Rank;

/// A counted evidence item (or a planned catalogue item), owned.
#[derive(Debug, Clone)]
pub(super) struct Fact {
    pub id: String,
    pub date: Date,
    /// When it was claimed (the prior-learning cap credits the oldest claim first).
    pub claimed: Date,
    pub kind: usize,
    pub item: Option<usize>,
    /// What it gives, before the prior-learning cap.
    pub gives: Vec<(usize, Rank)>,
}

impl Fact {
    pub(super) fn of(counted: &Counted<'_>) -> Self {
        Fact {
            id: counted.ev.id.clone(),
            date: counted.ev.date,
            claimed: claimed_on(counted.ev),
            kind: counted.kind,
            item: counted.item,
            gives: counted.gives.clone(),
        }
    }
}

/// The participant's counted evidence, and what evaluation needs to redo its derivation.
pub(super) struct State<'p> {
    pack: &'p Pack,
    /// Counted evidence, in canonical order (date, id).
    base: Vec<Fact>,
    /// The prior-learning cap: how many competencies equivalency may credit (`None`: no cap).
    cap: Option<usize>,
}

impl<'p> State<'p> {
    /// The facts of `ctx`'s participant (admitted as evaluation admits them).
    pub(super) fn new(ctx: &mut Ctx<'p>) -> (Self, Vec<(usize, String)>) {
        let pack = ctx.pack;
        let (counted, pending) = ctx.admit_all();
        let base = counted.iter().map(Fact::of).collect();
        // Catalogue items waiting for review, with their evidence ids.
        let mut waiting = Vec::new();
        for p in &pending {
            if let Some(item) =
                p.ev.item
                    .as_ref()
                    .and_then(|i| pack.model.item_index.get(i))
            {
                waiting.push((item, p.ev.id.clone()));
            }
        }
        let cap = pack.document().equivalency.max_percent.map(|percent| {
            let required = pack
                .model
                .competencies
                .iter()
                .filter(|c| c.expected.get(ctx.org_level).copied().flatten().is_some())
                .count();
            required * usize::try_from(percent).unwrap_or(0) / 100
        });
        let state = State { pack, base, cap };
        (state, waiting)
    }

    /// The counted facts.
    pub(super) fn base(&self) -> &[Fact] {
        &self.base
    }

    /// Whether adding `candidates` can only raise what is achieved: the pack's precedence is not
    /// `rules_win` (under which a low grant undoes an assessor's higher rating), and the
    /// prior-learning cap cannot run out among them (else one equivalency item can take the room
    /// another needed). The search proves a minimum only then.
    pub(super) fn monotone(&self, candidates: &[&Fact]) -> bool {
        if self.pack.document().precedence.assessor_override == OverridePolicy::RulesWin {
            return false;
        }
        let Some(cap) = self.cap else {
            return true;
        };
        let credited = self.credited(self.base.iter());
        let wanted = self
            .credited(candidates.iter().copied())
            .into_iter()
            .filter(|comp| !credited.contains(comp))
            .count();
        wanted <= cap.saturating_sub(credited.len())
    }

    /// Room left under the prior-learning cap (`None`: no cap).
    pub(super) fn cap_room(&self) -> Option<usize> {
        let cap = self.cap?;
        Some(cap.saturating_sub(self.credited(self.base.iter()).len()))
    }

    /// The competencies equivalency items among `facts` give (before the cap), once each.
    fn credited<'f>(&self, facts: impl Iterator<Item = &'f Fact>) -> Vec<usize> {
        let model = &self.pack.model;
        let mut credited: Vec<usize> = Vec::new();
        for fact in facts.filter(|f| model.kinds.get(f.kind).is_some_and(|k| k.equivalency)) {
            for (comp, _) in &fact.gives {
                if !credited.contains(comp) {
                    credited.push(*comp);
                }
            }
        }
        credited
    }

    /// The rank achieved on every competency with `added` counted as well.
    pub(super) fn achieved(&self, added: &[&Fact]) -> Vec<Option<Rank>> {
        let model = &self.pack.model;
        let mut facts: Vec<(&Fact, Vec<(usize, Rank)>)> = self
            .base
            .iter()
            .chain(added.iter().copied())
            .map(|f| (f, f.gives.clone()))
            .collect();
        crate::sorting::sort_by(&mut facts, |a, b| {
            (a.0.date, &a.0.id).cmp(&(b.0.date, &b.0.id))
        });
        let equivalency = |kind: usize| model.kinds.get(kind).is_some_and(|k| k.equivalency);
        if let Some(cap) = self.cap {
            // As `Ctx::apply_cap`: oldest claim first; an equivalency item left with nothing
            // does not count.
            let mut order: Vec<usize> = (0..facts.len())
                .filter(|&i| facts.get(i).is_some_and(|(f, _)| equivalency(f.kind)))
                .collect();
            crate::sorting::sort_by(&mut order, |&a, &b| {
                let key = |i: usize| facts.get(i).map(|(f, _)| (f.claimed, f.id.as_str()));
                key(a).cmp(&key(b))
            });
            let mut credited: Vec<usize> = Vec::new();
            for i in order {
                if let Some((_, gives)) = facts.get_mut(i) {
                    gives.retain(|(comp, _)| {
                        if credited.contains(comp) {
                            true
                        } else if credited.len() < cap {
                            credited.push(*comp);
                            true
                        } else {
                            false
                        }
                    });
                }
            }
            facts.retain(|(f, gives)| !gives.is_empty() || !equivalency(f.kind));
        }
        let count = model.competencies.len();
        let mut derived: Vec<Option<Rank>> = vec![None; count];
        let mut overrides: Vec<Option<Rank>> = vec![None; count];
        let mut item_evidence: Vec<Vec<&str>> = vec![Vec::new(); model.items.len()];
        let mut kind_evidence: Vec<Vec<rules::KindEvidence<'_>>> =
            vec![Vec::new(); model.kinds.len()];
        for (fact, gives) in &facts {
            let counts_as = model.kinds.get(fact.kind).map(|k| k.counts_as);
            for (comp, rank) in gives {
                match counts_as {
                    // (In date order: a later override supersedes.)
                    Some(CountsAs::Override) => {
                        if let Some(slot) = overrides.get_mut(*comp) {
                            *slot = Some(*rank);
                        }
                    }
                    Some(CountsAs::CompetencyClaims | CountsAs::CatalogueItem) => {
                        if let Some(slot) = derived.get_mut(*comp) {
                            *slot = Some(slot.map_or(*rank, |r| r.max(*rank)));
                        }
                    }
                    _ => {}
                }
            }
            if let Some(slot) = fact.item.and_then(|i| item_evidence.get_mut(i)) {
                slot.push(fact.id.as_str());
            }
            if let Some(slot) = kind_evidence.get_mut(fact.kind) {
                slot.push((fact.id.as_str(), gives.as_slice()));
            }
        }
        let policy = self.pack.document().precedence.assessor_override;
        for rule in &model.rules {
            let snapshot = &derived;
            let overrides = &overrides;
            let achieved = |comp: usize| {
                apply_override(
                    policy,
                    snapshot.get(comp).copied().flatten(),
                    overrides.get(comp).copied().flatten(),
                )
            };
            let facts = rules::Facts {
                item_evidence: &item_evidence,
                kind_evidence: &kind_evidence,
                achieved: &achieved,
            };
            if !rules::holds(&rule.when, &facts, &mut Vec::new()) {
                continue;
            }
            for (comp, rank) in &rule.grants {
                if let Some(slot) = derived.get_mut(*comp) {
                    *slot = Some(slot.map_or(*rank, |r| r.max(*rank)));
                }
            }
        }
        derived
            .iter()
            .zip(&overrides)
            .map(|(d, o)| apply_override(policy, *d, *o))
            .collect()
    }
}
