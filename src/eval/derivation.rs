//! Derivation: what every competency is achieved through (claims, catalogue grants, assessor
//! overrides under the pack's precedence, equivalency rules), before states and requirements.

use super::*;

/// Per competency: what it was achieved through.
#[derive(Default, Clone)]
pub(crate) struct Derivation {
    pub derived: Option<Rank>,
    pub sources: Vec<Source>,
    pub pending: Vec<String>,
    /// The override that applies: (evidence id, rank).
    pub override_: Option<(String, Rank)>,
}

impl<'a> Ctx<'a> {
    /// What every competency is achieved through: claims, catalogue grants, overrides and rules.
    pub(super) fn derive(
        &mut self,
        counted: &[Counted<'a>],
        pending: &[Pending<'a>],
    ) -> Vec<Derivation> {
        let model = self.model;
        let mut d: Vec<Derivation> = vec![Derivation::default(); model.competencies.len()];
        let raise = |slot: &mut Derivation, rank: Rank| {
            slot.derived = Some(slot.derived.map_or(rank, |r| r.max(rank)))
        };
        // Overrides: the latest per competency applies; earlier ones are superseded.
        let mut overrides: Vec<Option<(&Counted<'a>, Rank)>> = vec![None; model.competencies.len()];
        for item in counted {
            let Some(kind) = model.kinds.get(item.kind) else {
                continue;
            };
            match kind.counts_as {
                CountsAs::Override => {
                    for (comp, rank) in &item.gives {
                        let Some(slot) = overrides.get_mut(*comp) else {
                            continue;
                        };
                        // `counted` is sorted by (date, id): a later item supersedes.
                        if let Some((previous, _)) = slot.replace((item, *rank)) {
                            let competency = model
                                .competencies
                                .get(*comp)
                                .map(|c| c.id.clone())
                                .unwrap_or_default();
                            let by = item.ev.id.clone();
                            self.refuse(
                                previous.ev,
                                Some(&competency),
                                Message::SupersededOverride,
                                &[("by", by), ("competency", competency.to_string())],
                            );
                        }
                    }
                }
                CountsAs::CompetencyClaims | CountsAs::CatalogueItem => {
                    let (via, from) = match item.item.and_then(|i| model.items.get(i)) {
                        Some(entry) => (Via::Catalogue, entry.id.clone()),
                        None => (Via::Claim, kind.id.clone()),
                    };
                    for (comp, rank) in &item.gives {
                        if let Some(slot) = d.get_mut(*comp) {
                            raise(slot, *rank);
                            slot.sources.push(Source {
                                via,
                                from: from.clone(),
                                level: self.model.level_id(*comp, *rank),
                                equivalency: kind.equivalency,
                                evidence: vec![item.ev.id.clone()],
                            });
                        }
                    }
                }
                CountsAs::CoachingSession
                | CountsAs::MentoringConversation
                | CountsAs::FinalAssignment => {}
            }
        }
        for (comp, slot) in overrides.iter().enumerate() {
            if let (Some((item, rank)), Some(target)) = (slot, d.get_mut(comp)) {
                target.override_ = Some((item.ev.id.clone(), *rank));
            }
        }
        for p in pending {
            for comp in &p.gives {
                if let Some(slot) = d.get_mut(*comp) {
                    slot.pending.push(p.ev.id.clone());
                }
            }
        }
        // Rules, in dependency order.
        let mut item_evidence: Vec<Vec<&str>> = vec![Vec::new(); model.items.len()];
        let mut kind_evidence: Vec<Vec<rules::KindEvidence<'_>>> =
            vec![Vec::new(); model.kinds.len()];
        for item in counted {
            if let Some(slot) = item.item.and_then(|i| item_evidence.get_mut(i)) {
                slot.push(item.ev.id.as_str());
            }
            if let Some(slot) = kind_evidence.get_mut(item.kind) {
                slot.push((item.ev.id.as_str(), item.gives.as_slice()));
            }
        }
        let policy = self.pack.document().precedence.assessor_override;
        for rule in &model.rules {
            let snapshot = &d;
            let achieved = |comp: usize| {
                snapshot.get(comp).and_then(|s| {
                    apply_override(policy, s.derived, s.override_.as_ref().map(|o| o.1))
                })
            };
            let facts = rules::Facts {
                item_evidence: &item_evidence,
                kind_evidence: &kind_evidence,
                achieved: &achieved,
            };
            let mut used = Vec::new();
            if !rules::holds(&rule.when, &facts, &mut used) {
                continue;
            }
            let mut evidence: Vec<String> = used.into_iter().map(str::to_owned).collect();
            crate::sorting::sort(&mut evidence);
            evidence.dedup();
            for (comp, rank) in &rule.grants {
                let level = self.model.level_id(*comp, *rank);
                if let Some(slot) = d.get_mut(*comp) {
                    raise(slot, *rank);
                    slot.sources.push(Source {
                        via: Via::Rule,
                        from: rule.id.clone(),
                        level,
                        equivalency: rule.equivalency,
                        evidence: evidence.clone(),
                    });
                }
            }
        }
        for slot in &mut d {
            crate::sorting::sort(&mut slot.sources);
            crate::sorting::sort(&mut slot.pending);
            slot.pending.dedup();
        }
        d
    }
}

/// The achieved rank under the pack's override policy.
pub(crate) fn apply_override(
    policy: OverridePolicy,
    derived: Option<Rank>,
    over: Option<Rank>,
) -> Option<Rank> {
    match (policy, derived, over) {
        (_, derived, None) => derived,
        (_, None, Some(o)) => Some(o),
        (OverridePolicy::HighestWins, Some(d), Some(o)) => Some(d.max(o)),
        (OverridePolicy::OverrideWins, Some(_), Some(o)) => Some(o),
        (OverridePolicy::RulesWin, Some(d), Some(_)) => Some(d),
    }
}
