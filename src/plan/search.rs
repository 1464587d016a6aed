//! The exact search for the smallest plan: branch and bound over candidate catalogue items.
//!
//! Each node is a set of chosen items and a set of excluded ones. It branches on the open goal with
//! the fewest candidates: one branch per candidate that could (even only through a rule) close it,
//! each excluding the candidates before it, and a last branch that gives the goal up (where its
//! quota can spare it). Every candidate that could contribute to a goal is among its candidates,
//! so the branches cover every plan, once. Bounds: for each quota still short, the cheapest way to
//! gather its missing units (a fractional cover), and where every open goal is needed, goals no two
//! of which share a candidate, each needing an item of its own. A greedy plan, pruned of items it
//! does not need, starts the search; a time budget stops it, and the result says whether the
//! search finished (the plan is then a proven minimum).

use super::goals::Goals;
use super::state::{Fact, State};

/// A catalogue item that could be planned.
pub(super) struct Candidate {
    pub fact: Fact,
    /// Its cost in the measure minimized (1 for a count; hundredths of hours or of the currency).
    pub cost: u64,
    /// The goals it could help close (directly, or as a condition of a rule that closes them).
    pub cover: Vec<bool>,
}

/// What the search found.
pub(super) struct Found {
    /// The chosen candidates (indices), in candidate order; `None` when no plan meets the quotas.
    pub chosen: Option<Vec<usize>>,
    /// Whether the search finished: the plan is then a proven minimum.
    pub optimal: bool,
    /// A lower bound on the measure of any plan (equal to the plan's when optimal).
    pub lower_bound: u64,
    /// Nodes visited.
    pub nodes: u64,
}

/// The search's fixed data and its best plan so far.
pub(super) struct Search<'s> {
    pub state: &'s State<'s>,
    pub goals: &'s Goals,
    pub candidates: &'s [Candidate],
    /// Per goal: the candidates that could help close it.
    by_goal: Vec<Vec<usize>>,
    best: Option<((u64, usize), Vec<usize>)>,
    nodes: u64,
    clock: &'s dyn Fn() -> f64,
    deadline: f64,
    stopped: bool,
}

impl<'s> Search<'s> {
    pub(super) fn new(
        state: &'s State<'s>,
        goals: &'s Goals,
        candidates: &'s [Candidate],
        clock: &'s dyn Fn() -> f64,
        budget_ms: f64,
    ) -> Self {
        let by_goal = (0..goals.goals.len())
            .map(|g| {
                (0..candidates.len())
                    .filter(|&i| {
                        candidates
                            .get(i)
                            .and_then(|c| c.cover.get(g))
                            .copied()
                            .unwrap_or(false)
                    })
                    .collect()
            })
            .collect();
        let deadline = clock() + budget_ms;
        Search {
            state,
            goals,
            candidates,
            by_goal,
            best: None,
            nodes: 0,
            clock,
            deadline,
            stopped: false,
        }
    }

    /// The goals met with `chosen` added.
    pub(super) fn met(&self, chosen: &[usize]) -> Vec<bool> {
        let facts: Vec<&Fact> = chosen
            .iter()
            .filter_map(|&i| self.candidates.get(i).map(|c| &c.fact))
            .collect();
        self.goals.met(&self.state.achieved(&facts))
    }

    fn key(&self, chosen: &[usize]) -> (u64, usize) {
        let cost = chosen
            .iter()
            .filter_map(|&i| self.candidates.get(i))
            .map(|c| c.cost)
            .sum();
        (cost, chosen.len())
    }

    /// Runs the search.
    pub(super) fn run(mut self) -> Found {
        let count = self.candidates.len();
        let goals = self.goals.goals.len();
        let root_met = self.met(&[]);
        let root_bound = self.bound(&root_met, &vec![false; goals], &vec![false; count]);
        if let Some(greedy) = self.greedy() {
            let key = self.key(&greedy);
            self.best = Some((key, greedy));
        }
        let mut chosen = Vec::new();
        let mut excluded = vec![false; count];
        let mut abandoned = vec![false; goals];
        self.node(&mut chosen, &mut excluded, &mut abandoned);
        let optimal = !self.stopped;
        let lower_bound = match (&self.best, optimal) {
            (Some(((cost, _), _)), true) => *cost,
            _ => root_bound.map_or(0, |(cost, _)| cost),
        };
        let nodes = self.nodes;
        let chosen = self.best.map(|(_, mut plan)| {
            crate::sorting::sort(&mut plan);
            plan
        });
        Found {
            chosen,
            optimal,
            lower_bound,
            nodes,
        }
    }

    /// A plan by adding, while the quotas are short, the candidate covering most open goals per
    /// unit of cost, then dropping every item the plan does not need.
    fn greedy(&self) -> Option<Vec<usize>> {
        let mut chosen: Vec<usize> = Vec::new();
        loop {
            let met = self.met(&chosen);
            if self.goals.satisfied(&met) {
                break;
            }
            let open = self.open(&met, &vec![false; met.len()]);
            let pick = (0..self.candidates.len())
                .filter(|i| !chosen.contains(i))
                .filter_map(|i| {
                    let c = self.candidates.get(i)?;
                    let gain = c
                        .cover
                        .iter()
                        .zip(&open)
                        .filter(|(a, b)| **a && **b)
                        .count();
                    Some((i, gain, c.cost))
                })
                // Most gain per cost (cross-multiplied), then the earlier candidate.
                .reduce(|a, b| {
                    let (ga, ca) = (a.1 as u128, u128::from(a.2.max(1)));
                    let (gb, cb) = (b.1 as u128, u128::from(b.2.max(1)));
                    if gb * ca > ga * cb { b } else { a }
                });
            match pick {
                Some((i, _, _)) => chosen.push(i),
                None => return None,
            }
        }
        // Drop what is not needed, the last added first.
        let mut i = chosen.len();
        while i > 0 {
            i -= 1;
            let mut without = chosen.clone();
            without.remove(i);
            if self.goals.satisfied(&self.met(&without)) {
                chosen = without;
            }
        }
        Some(chosen)
    }

    /// Per goal: whether it is open (not met, not given up, in a quota still short, and not in a
    /// full group).
    fn open(&self, met: &[bool], abandoned: &[bool]) -> Vec<bool> {
        let goals = self.goals;
        let short: Vec<bool> = (0..goals.quotas.len())
            .map(|q| goals.value(q, met) < goals.quotas.get(q).map_or(0, |quota| quota.need))
            .collect();
        // Goals met per (quota, group).
        let group_full = |q: usize, g: usize| {
            let count = goals
                .goals
                .iter()
                .zip(met)
                .filter(|(goal, m)| **m && goal.quota == q && goal.group == Some(g))
                .count();
            goals
                .quotas
                .get(q)
                .and_then(|quota| quota.groups.get(g))
                .is_some_and(|cap| count >= *cap)
        };
        goals
            .goals
            .iter()
            .enumerate()
            .map(|(i, goal)| {
                !met.get(i).copied().unwrap_or(true)
                    && !abandoned.get(i).copied().unwrap_or(true)
                    && short.get(goal.quota).copied().unwrap_or(false)
                    && goal.group.is_none_or(|g| !group_full(goal.quota, g))
            })
            .collect()
    }

    /// A lower bound on the (cost, count) still to add, or `None` when no plan can complete
    /// this node.
    fn bound(
        &self,
        met: &[bool],
        abandoned: &[bool],
        unavailable: &[bool],
    ) -> Option<(u64, usize)> {
        let goals = self.goals;
        let open = self.open(met, abandoned);
        let available: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| !unavailable.get(i).copied().unwrap_or(true))
            .collect();
        let mut bound = (0u64, 0usize);
        for (q, quota) in goals.quotas.iter().enumerate() {
            let value = goals.value(q, met);
            let Some(deficit) = quota.need.checked_sub(value).filter(|d| *d > 0) else {
                continue;
            };
            // The open goals of this quota that some available candidate could close.
            let reachable: Vec<usize> = (0..goals.goals.len())
                .filter(|&g| {
                    open.get(g).copied().unwrap_or(false)
                        && goals.goals.get(g).is_some_and(|goal| goal.quota == q)
                        && self.by_goal.get(g).is_some_and(|cands| {
                            cands
                                .iter()
                                .any(|i| !unavailable.get(*i).copied().unwrap_or(true))
                        })
                })
                .collect();
            // Units: a group gives at most its remaining cap.
            let mut units = 0;
            let mut per_group = vec![0usize; quota.groups.len()];
            for g in &reachable {
                match goals.goals.get(*g).and_then(|goal| goal.group) {
                    Some(group) => {
                        if let Some(n) = per_group.get_mut(group) {
                            *n += 1;
                        }
                    }
                    None => units += 1,
                }
            }
            for (group, (n, cap)) in per_group.iter().zip(&quota.groups).enumerate() {
                let in_group = goals
                    .goals
                    .iter()
                    .zip(met)
                    .filter(|(goal, m)| **m && goal.quota == q && goal.group == Some(group))
                    .count();
                units += (*n).min(cap.saturating_sub(in_group));
            }
            if units < deficit {
                return None;
            }
            // What each available candidate could add to this quota.
            let mut gains: Vec<(u64, usize)> = available
                .iter()
                .filter_map(|&i| {
                    let c = self.candidates.get(i)?;
                    let gain = reachable
                        .iter()
                        .filter(|g| c.cover.get(**g).copied().unwrap_or(false))
                        .count();
                    (gain > 0).then_some((c.cost, gain))
                })
                .collect();
            let cover_bound = fractional(&mut gains, deficit);
            let mut quota_bound = cover_bound;
            if quota.groups.is_empty() && deficit == reachable.len() {
                let disjoint = self.disjoint(&reachable, unavailable);
                quota_bound = (quota_bound.0.max(disjoint.0), quota_bound.1.max(disjoint.1));
            }
            bound = (bound.0.max(quota_bound.0), bound.1.max(quota_bound.1));
        }
        Some(bound)
    }

    /// Goals no two of which share an available candidate: each needs an item of its own, at
    /// least its cheapest candidate.
    fn disjoint(&self, reachable: &[usize], unavailable: &[bool]) -> (u64, usize) {
        let candidates_of = |g: usize| -> Vec<usize> {
            self.by_goal
                .get(g)
                .map(|c| {
                    c.iter()
                        .copied()
                        .filter(|i| !unavailable.get(*i).copied().unwrap_or(true))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut order: Vec<(usize, usize)> = reachable
            .iter()
            .map(|&g| (candidates_of(g).len(), g))
            .collect();
        crate::sorting::sort(&mut order);
        let mut used = vec![false; self.candidates.len()];
        let (mut cost, mut count) = (0u64, 0usize);
        for (_, g) in order {
            let cands = candidates_of(g);
            if cands.iter().any(|i| used.get(*i).copied().unwrap_or(true)) {
                continue;
            }
            let cheapest = cands
                .iter()
                .filter_map(|i| self.candidates.get(*i).map(|c| c.cost))
                .min()
                .unwrap_or(0);
            cost += cheapest;
            count += 1;
            for i in cands {
                if let Some(slot) = used.get_mut(i) {
                    *slot = true;
                }
            }
        }
        (cost, count)
    }

    fn out_of_time(&mut self) -> bool {
        if !self.stopped && self.nodes % 64 == 0 && (self.clock)() > self.deadline {
            self.stopped = true;
        }
        self.stopped
    }

    /// One node of the search: `chosen` added, `excluded` ruled out, `abandoned` goals given up.
    fn node(&mut self, chosen: &mut Vec<usize>, excluded: &mut [bool], abandoned: &mut [bool]) {
        self.nodes += 1;
        if self.out_of_time() {
            return;
        }
        let met = self.met(chosen);
        let key = self.key(chosen);
        if self.goals.satisfied(&met) {
            if self.best.as_ref().is_none_or(|(best, _)| key < *best) {
                self.best = Some((key, chosen.clone()));
            }
            return;
        }
        let unavailable: Vec<bool> = excluded
            .iter()
            .enumerate()
            .map(|(i, x)| *x || chosen.contains(&i))
            .collect();
        let Some(more) = self.bound(&met, abandoned, &unavailable) else {
            return;
        };
        let bound = (key.0 + more.0, key.1 + more.1);
        if self.best.as_ref().is_some_and(|(best, _)| bound >= *best) {
            return;
        }
        // Branch on the open goal with the fewest available candidates.
        let open = self.open(&met, abandoned);
        let available = |g: usize| -> Vec<usize> {
            self.by_goal
                .get(g)
                .map(|c| {
                    c.iter()
                        .copied()
                        .filter(|i| !unavailable.get(*i).copied().unwrap_or(true))
                        .collect()
                })
                .unwrap_or_default()
        };
        let pick = (0..open.len())
            .filter(|g| open.get(*g).copied().unwrap_or(false))
            .map(|g| (available(g).len(), g))
            .filter(|(n, _)| *n > 0)
            .min();
        let Some((_, goal)) = pick else {
            return;
        };
        let mut branches = available(goal);
        // Most open goals covered first (then the cheaper, then the earlier candidate).
        let gain = |i: usize| {
            self.candidates.get(i).map_or((0, 0), |c| {
                let n = c
                    .cover
                    .iter()
                    .zip(&open)
                    .filter(|(a, b)| **a && **b)
                    .count();
                (n, c.cost)
            })
        };
        crate::sorting::sort_by(&mut branches, |a, b| {
            let (ga, ca) = gain(*a);
            let (gb, cb) = gain(*b);
            (gb, ca, *a).cmp(&(ga, cb, *b))
        });
        for &i in &branches {
            chosen.push(i);
            self.node(chosen, excluded, abandoned);
            chosen.pop();
            if let Some(slot) = excluded.get_mut(i) {
                *slot = true;
            }
            if self.stopped {
                break;
            }
        }
        if !self.stopped {
            // None of its candidates: the goal is given up (pruned unless its quota can spare it).
            if let Some(slot) = abandoned.get_mut(goal) {
                *slot = true;
            }
            self.node(chosen, excluded, abandoned);
            if let Some(slot) = abandoned.get_mut(goal) {
                *slot = false;
            }
        }
        for &i in &branches {
            if let Some(slot) = excluded.get_mut(i) {
                *slot = false;
            }
        }
    }
}

/// The least (cost, count) that gathers `deficit` units from items of (cost, units), allowing
/// fractions of an item: a lower bound on any whole choice.
fn fractional(items: &mut Vec<(u64, usize)>, deficit: usize) -> (u64, usize) {
    // Cheapest per unit first: a/ua < b/ub  ⇔  a·ub < b·ua.
    crate::sorting::sort_by(items, |a, b| {
        (u128::from(a.0) * b.1 as u128).cmp(&(u128::from(b.0) * a.1 as u128))
    });
    let mut left = deficit;
    let mut cost: u128 = 0;
    // Each unit costs its item's cost / units; the total rounded up.
    let mut numerators: Vec<(u128, u128)> = Vec::new();
    for (c, u) in items.iter() {
        if left == 0 {
            break;
        }
        let take = left.min(*u);
        numerators.push((u128::from(*c) * take as u128, *u as u128));
        left -= take;
    }
    // Sum of fractions c·take/u, rounded up (exact: a common floor then the remainders).
    let mut remainder = 0u128;
    let mut denominator = 1u128;
    for (num, den) in numerators {
        cost += num / den;
        // Keep the fractional parts as a running fraction (denominators are small).
        let (r, d) = (num % den, den);
        remainder = remainder * d + r * denominator;
        denominator *= d;
        if denominator > (1u128 << 64) {
            // (Precision no longer matters for a bound: take the floor.)
            cost += remainder / denominator;
            remainder = 0;
            denominator = 1;
        }
    }
    cost += remainder.div_ceil(denominator.max(1));
    // Items: the fewest whose units reach the deficit (largest first).
    let mut units: Vec<usize> = items.iter().map(|(_, u)| *u).collect();
    crate::sorting::sort(&mut units);
    let mut count = 0;
    let mut gathered = 0;
    for u in units.iter().rev() {
        if gathered >= deficit {
            break;
        }
        gathered += u;
        count += 1;
    }
    (u64::try_from(cost).unwrap_or(u64::MAX), count)
}
