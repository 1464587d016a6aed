//! What a plan aims at: goals (a competency at a rank) grouped in quotas (at least so many of
//! them met), from the target the caller names, read off the pack exactly as evaluation reads
//! completion and next-level readiness.

use super::{PlanError, Target};
use crate::eval::Ctx;
use crate::pack::model::Rank;

/// A competency to achieve at least at a rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Goal {
    pub competency: usize,
    pub rank: Rank,
    /// The quota it counts toward.
    pub quota: usize,
    /// The group of competencies to choose from it belongs to, if any (see [`Quota::groups`]).
    pub group: Option<usize>,
}

/// At least `need` of a set of goals met. Goals in a group count together, up to the group's cap
/// (a level where participants choose `count` competencies from a set, not yet chosen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Quota {
    /// What it stands for: `current` (completing the current level), `next` (the next level's
    /// profile, for readiness) or `target` (competencies the caller named).
    pub purpose: &'static str,
    /// The organizational level it is read at.
    pub level: usize,
    pub need: usize,
    /// Per group: how many of its goals count at most.
    pub groups: Vec<usize>,
}

/// The goals and quotas of a target.
#[derive(Debug, Clone, Default)]
pub(super) struct Goals {
    pub goals: Vec<Goal>,
    pub quotas: Vec<Quota>,
}

/// The fewest of `required` that make `percent` percent (rounding up, as the report's floor of
/// the share compares).
fn needed(required: usize, percent: u32) -> usize {
    required
        .saturating_mul(usize::try_from(percent).unwrap_or(100))
        .div_ceil(100)
}

impl Goals {
    /// The goals of `target` for the participant of `ctx`.
    pub(super) fn of(ctx: &Ctx<'_>, target: &Target) -> Result<Goals, PlanError> {
        let mut goals = Goals::default();
        match target {
            Target::Current => goals.level(ctx, ctx.org_level, "current"),
            Target::Next => {
                let next = ctx.org_level + 1;
                if next >= ctx.model.org_level_ids.len() {
                    return Err(PlanError::NoNextLevel {
                        level: ctx
                            .model
                            .org_level_ids
                            .get(ctx.org_level)
                            .map(|l| l.to_string())
                            .unwrap_or_default(),
                    });
                }
                if ctx.pack.document().progression.requires_completion {
                    goals.level(ctx, ctx.org_level, "current");
                }
                goals.level(ctx, next, "next");
            }
            Target::Competencies(named) => goals.named(ctx, named)?,
        }
        Ok(goals)
    }

    /// A level's profile: at the participant's own level, what its completion requirement counts
    /// (their chosen competencies among those to choose); at another level, its readiness profile
    /// (`count` slots any member of the set to choose from fills).
    fn level(&mut self, ctx: &Ctx<'_>, li: usize, purpose: &'static str) {
        let model = ctx.model;
        let quota = self.quotas.len();
        let own = li == ctx.org_level;
        let choice = model
            .completion
            .get(li)
            .and_then(|c| c.chosen.as_ref())
            .filter(|_| !own);
        let mut required = 0;
        for ci in 0..model.competencies.len() {
            let in_set = choice.is_some_and(|(_, from)| from.contains(&ci));
            let rank = if in_set {
                model
                    .competencies
                    .get(ci)
                    .and_then(|c| c.expected.get(li).copied().flatten())
            } else {
                ctx.required_at(li, ci)
            };
            let Some(rank) = rank else {
                continue;
            };
            if !in_set {
                required += 1;
            }
            self.goals.push(Goal {
                competency: ci,
                rank,
                quota,
                group: in_set.then_some(0),
            });
        }
        let mut groups = Vec::new();
        if let Some((count, _)) = choice {
            let count = usize::try_from(*count).unwrap_or(usize::MAX);
            required += count;
            groups.push(count);
        }
        let percent = if purpose == "next" {
            ctx.pack.document().progression.next_level_percent
        } else {
            model
                .completion
                .get(li)
                .map_or(100, |c| c.competencies_percent)
        };
        self.quotas.push(Quota {
            purpose,
            level: li,
            need: needed(required, percent),
            groups,
        });
    }

    /// Competencies the caller named, each at the level given, or else the level the
    /// participant's level expects, or else the next level's.
    fn named(
        &mut self,
        ctx: &Ctx<'_>,
        named: &[(String, Option<String>)],
    ) -> Result<(), PlanError> {
        let model = ctx.model;
        let quota = self.quotas.len();
        for (id, level) in named {
            let Some(ci) = model.competency_index.get(id) else {
                return Err(PlanError::UnknownCompetency { id: id.clone() });
            };
            let rank = match level {
                Some(level) => model
                    .scale_of(ci)
                    .and_then(|s| s.index.get(level))
                    .and_then(|r| Rank::try_from(r).ok())
                    .ok_or_else(|| PlanError::UnknownLevel {
                        competency: id.clone(),
                        level: level.clone(),
                        levels: model
                            .scale_of(ci)
                            .map(|s| s.ids.iter().map(|l| l.to_string()).collect())
                            .unwrap_or_default(),
                    })?,
                None => {
                    let expected = |li: usize| {
                        model
                            .competencies
                            .get(ci)
                            .and_then(|c| c.expected.get(li).copied().flatten())
                    };
                    expected(ctx.org_level)
                        .or_else(|| expected(ctx.org_level + 1))
                        .ok_or_else(|| PlanError::NoLevel {
                            competency: id.clone(),
                        })?
                }
            };
            if self.goals.iter().any(|g| g.competency == ci) {
                return Err(PlanError::RepeatedCompetency { id: id.clone() });
            }
            self.goals.push(Goal {
                competency: ci,
                rank,
                quota,
                group: None,
            });
        }
        self.quotas.push(Quota {
            purpose: "target",
            level: ctx.org_level,
            need: named.len(),
            groups: Vec::new(),
        });
        Ok(())
    }

    /// How many units quota `q` has with the goals `met` (a flag per goal).
    pub(super) fn value(&self, q: usize, met: &[bool]) -> usize {
        let Some(quota) = self.quotas.get(q) else {
            return 0;
        };
        let mut plain = 0;
        let mut in_group = vec![0usize; quota.groups.len()];
        for (goal, is_met) in self.goals.iter().zip(met) {
            if goal.quota != q || !is_met {
                continue;
            }
            match goal.group.and_then(|g| in_group.get_mut(g)) {
                Some(n) => *n += 1,
                None => plain += 1,
            }
        }
        plain
            + in_group
                .iter()
                .zip(&quota.groups)
                .map(|(n, cap)| (*n).min(*cap))
                .sum::<usize>()
    }

    /// Whether every quota is met with the goals `met`.
    pub(super) fn satisfied(&self, met: &[bool]) -> bool {
        self.quotas
            .iter()
            .enumerate()
            .all(|(q, quota)| self.value(q, met) >= quota.need)
    }

    /// Which goals `achieved` (the rank per competency) meets.
    pub(super) fn met(&self, achieved: &[Option<Rank>]) -> Vec<bool> {
        self.goals
            .iter()
            .map(|g| {
                achieved
                    .get(g.competency)
                    .copied()
                    .flatten()
                    .is_some_and(|r| r >= g.rank)
            })
            .collect()
    }
}
