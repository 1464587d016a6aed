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

/// A set of small indices (goals or candidates), as bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    pub(super) fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub(super) fn of(flags: &[bool]) -> Self {
        let mut bits = Bits::new(flags.len());
        for (i, flag) in flags.iter().enumerate() {
            if *flag {
                bits.set(i);
            }
        }
        bits
    }

    pub(super) fn set(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    pub(super) fn clear(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word &= !(1 << (i % 64));
        }
    }

    pub(super) fn get(&self, i: usize) -> bool {
        self.0
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    pub(super) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many are in both.
    pub(super) fn count_and(&self, other: &Bits) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Whether some index is in `self` and not in `other`.
    pub(super) fn any_and_not(&self, other: &Bits) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & !b != 0)
    }

    pub(super) fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// The indices set, in order.
    pub(super) fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, word)| {
            (0..64)
                .filter(move |b| word & (1 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

/// The goals met with candidates `chosen` added to `state` (evaluated as evaluation would).
pub(super) fn met_with(
    state: &State<'_>,
    goals: &Goals,
    candidates: &[Candidate],
    chosen: &[usize],
) -> Vec<bool> {
    let facts: Vec<&Fact> = chosen
        .iter()
        .filter_map(|&i| candidates.get(i).map(|c| &c.fact))
        .collect();
    goals.met(&state.achieved(&facts))
}

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

/// Per quota: its goals outside groups, and each group's goals with its cap.
struct QuotaMasks {
    need: usize,
    plain: Bits,
    groups: Vec<(Bits, usize)>,
}

/// The search's fixed data and its best plan so far.
pub(super) struct Search<'s> {
    pub state: &'s State<'s>,
    pub goals: &'s Goals,
    pub candidates: &'s [Candidate],
    /// Per candidate: the goals it could help close.
    cover: Vec<Bits>,
    /// Per goal: the candidates that could help close it.
    by_goal: Vec<Bits>,
    quotas: Vec<QuotaMasks>,
    /// Where each candidate's contribution does not depend on the others (no rules, no cap among
    /// the candidates): the goals met with nothing added, and those each candidate meets alone.
    additive: Option<(Bits, Vec<Bits>)>,
    best: Option<((u64, usize), Vec<usize>)>,
    nodes: u64,
    clock: &'s dyn Fn() -> f64,
    deadline: f64,
    stopped: bool,
}

impl<'s> Search<'s> {
    /// A search; `additive` says the candidates' contributions do not depend on each other.
    pub(super) fn new(
        state: &'s State<'s>,
        goals: &'s Goals,
        candidates: &'s [Candidate],
        additive: bool,
        clock: &'s dyn Fn() -> f64,
        budget_ms: f64,
    ) -> Self {
        let n = goals.goals.len();
        let cover: Vec<Bits> = candidates.iter().map(|c| Bits::of(&c.cover)).collect();
        let by_goal = (0..n)
            .map(|g| {
                let mut bits = Bits::new(candidates.len());
                for (i, c) in cover.iter().enumerate() {
                    if c.get(g) {
                        bits.set(i);
                    }
                }
                bits
            })
            .collect();
        let quotas = goals
            .quotas
            .iter()
            .enumerate()
            .map(|(q, quota)| {
                let mut plain = Bits::new(n);
                let mut groups: Vec<(Bits, usize)> = quota
                    .groups
                    .iter()
                    .map(|cap| (Bits::new(n), *cap))
                    .collect();
                for (g, goal) in goals.goals.iter().enumerate() {
                    if goal.quota != q {
                        continue;
                    }
                    match goal.group.and_then(|k| groups.get_mut(k)) {
                        Some((bits, _)) => bits.set(g),
                        None => plain.set(g),
                    }
                }
                QuotaMasks {
                    need: quota.need,
                    plain,
                    groups,
                }
            })
            .collect();
        let deadline = clock() + budget_ms;
        let mut search = Search {
            state,
            goals,
            candidates,
            cover,
            by_goal,
            quotas,
            additive: None,
            best: None,
            nodes: 0,
            clock,
            deadline,
            stopped: false,
        };
        if additive {
            let base = Bits::of(&search.met(&[]));
            let alone = (0..candidates.len())
                .map(|c| Bits::of(&search.met(&[c])))
                .collect();
            search.additive = Some((base, alone));
        }
        search
    }

    /// The goals met with `chosen` added (evaluated as evaluation would).
    pub(super) fn met(&self, chosen: &[usize]) -> Vec<bool> {
        met_with(self.state, self.goals, self.candidates, chosen)
    }

    /// The goals met with `chosen` added, as bits (from the candidates' own, where additive).
    fn met_bits(&self, chosen: &[usize]) -> Bits {
        match &self.additive {
            Some((base, alone)) => {
                let mut met = base.clone();
                for c in chosen {
                    if let Some(bits) = alone.get(*c) {
                        met.or_with(bits);
                    }
                }
                met
            }
            None => Bits::of(&self.met(chosen)),
        }
    }

    /// The units quota `q` has with `met`.
    fn value(&self, q: &QuotaMasks, met: &Bits) -> usize {
        met.count_and(&q.plain)
            + q.groups
                .iter()
                .map(|(bits, cap)| met.count_and(bits).min(*cap))
                .sum::<usize>()
    }

    fn satisfied(&self, met: &Bits) -> bool {
        self.quotas.iter().all(|q| self.value(q, met) >= q.need)
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
        let root_met = self.met_bits(&[]);
        let root_bound = None::<(u64, usize)>;
        if let Some(greedy) = self.greedy() {
            let key = self.key(&greedy);
            self.best = Some((key, greedy));
        }
        // (After the greedy plan: its cost guides the bound's steps.)
        let root_bound = root_bound
            .or_else(|| self.bound(&root_met, &Bits::new(goals), &Bits::new(count), true));
        let mut chosen = Vec::new();
        let mut excluded = Bits::new(count);
        let mut abandoned = Bits::new(goals);
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
        let none = Bits::new(self.goals.goals.len());
        loop {
            let met = self.met_bits(&chosen);
            if self.satisfied(&met) {
                break;
            }
            let open = self.open(&met, &none);
            let pick = (0..self.candidates.len())
                .filter(|i| !chosen.contains(i))
                .filter_map(|i| {
                    let gain = self.cover.get(i)?.count_and(&open);
                    Some((i, gain, self.candidates.get(i)?.cost))
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
            if self.satisfied(&self.met_bits(&without)) {
                chosen = without;
            }
        }
        Some(chosen)
    }

    /// The open goals: not met, not given up, in a quota still short, and not in a full group.
    fn open(&self, met: &Bits, abandoned: &Bits) -> Bits {
        let mut open = Bits::new(self.goals.goals.len());
        for q in &self.quotas {
            if self.value(q, met) >= q.need {
                continue;
            }
            let mut add = |bits: &Bits| {
                for (o, ((b, m), a)) in open
                    .0
                    .iter_mut()
                    .zip(bits.0.iter().zip(&met.0).zip(&abandoned.0))
                {
                    *o |= b & !m & !a;
                }
            };
            add(&q.plain);
            for (bits, cap) in &q.groups {
                if met.count_and(bits) < *cap {
                    add(bits);
                }
            }
        }
        open
    }

    /// A lower bound on the (cost, count) still to add, or `None` when no plan can complete
    /// this node.
    fn bound(
        &self,
        met: &Bits,
        abandoned: &Bits,
        unavailable: &Bits,
        strong: bool,
    ) -> Option<(u64, usize)> {
        let open = self.open(met, abandoned);
        // The open goals some available candidate could close.
        let mut reachable = Bits::new(self.goals.goals.len());
        for g in open.ones() {
            if self
                .by_goal
                .get(g)
                .is_some_and(|c| c.any_and_not(unavailable))
            {
                reachable.set(g);
            }
        }
        let available: Vec<usize> = (0..self.candidates.len())
            .filter(|&i| !unavailable.get(i))
            .collect();
        let mut bound = (0u64, 0usize);
        for q in &self.quotas {
            let Some(deficit) = q.need.checked_sub(self.value(q, met)).filter(|d| *d > 0) else {
                continue;
            };
            // Units: a group gives at most its remaining cap.
            let mut mine = Bits::new(self.goals.goals.len());
            let mut units = reachable.count_and(&q.plain);
            for (o, (r, p)) in mine.0.iter_mut().zip(reachable.0.iter().zip(&q.plain.0)) {
                *o = r & p;
            }
            for (bits, cap) in &q.groups {
                units += reachable
                    .count_and(bits)
                    .min(cap.saturating_sub(met.count_and(bits)));
                for (o, (r, b)) in mine.0.iter_mut().zip(reachable.0.iter().zip(&bits.0)) {
                    *o |= r & b;
                }
            }
            if units < deficit {
                return None;
            }
            // What each available candidate could add to this quota.
            let mut gains: Vec<(u64, usize)> = available
                .iter()
                .filter_map(|&i| {
                    let gain = self.cover.get(i)?.count_and(&mine);
                    (gain > 0).then_some((self.candidates.get(i)?.cost, gain))
                })
                .collect();
            let mut quota_bound = fractional(&mut gains, deficit);
            if q.groups.is_empty() && deficit == mine.count() {
                let disjoint = self.disjoint(&mine, unavailable);
                quota_bound = (quota_bound.0.max(disjoint.0), quota_bound.1.max(disjoint.1));
                if strong {
                    let upper = self.best.as_ref().map(|((cost, _), _)| *cost);
                    quota_bound.0 = quota_bound.0.max(self.lagrangian(&mine, &available, upper));
                }
            }
            bound = (bound.0.max(quota_bound.0), bound.1.max(quota_bound.1));
        }
        Some(bound)
    }

    /// A Lagrangian lower bound on the cost of covering every goal of `goals` with available
    /// candidates (the linear relaxation's, approached by subgradient steps from below): for
    /// multipliers `u ≥ 0`, `Σu + Σ min(0, cost − Σ u over the candidate's goals)` bounds any cover.
    /// Costs are whole numbers, so the bound rounds up. (Floating point gives the same steps
    /// natively and in WebAssembly.)
    fn lagrangian(&self, goals: &Bits, available: &[usize], upper: Option<u64>) -> u64 {
        let members: Vec<Vec<usize>> = available
            .iter()
            .map(|&c| {
                self.cover
                    .get(c)
                    .map(|cover| goals.ones().filter(|g| cover.get(*g)).collect())
                    .unwrap_or_default()
            })
            .collect();
        let costs: Vec<f64> = available
            .iter()
            .map(|&c| self.candidates.get(c).map_or(0.0, |x| x.cost as f64))
            .collect();
        let index: Vec<usize> = goals.ones().collect();
        let slot = |g: usize| index.binary_search(&g).ok();
        // Start from each goal's cheapest cost per goal covered.
        let mut u: Vec<f64> = index
            .iter()
            .map(|&g| {
                members
                    .iter()
                    .zip(&costs)
                    .filter(|(m, _)| m.contains(&g))
                    .map(|(m, c)| c / m.len() as f64)
                    .fold(f64::INFINITY, f64::min)
            })
            .map(|x| if x.is_finite() { x } else { 0.0 })
            .collect();
        let mut best = 0.0f64;
        let mut lambda = 2.0;
        let target = upper.map_or(index.len() as f64, |u| u as f64);
        for _ in 0..150 {
            let mut value: f64 = u.iter().sum();
            let mut covered = vec![0.0f64; index.len()];
            for (m, cost) in members.iter().zip(&costs) {
                let reduced = cost
                    - m.iter()
                        .filter_map(|g| slot(*g))
                        .map(|k| u.get(k).copied().unwrap_or(0.0))
                        .sum::<f64>();
                if reduced < 0.0 {
                    value += reduced;
                    for k in m.iter().filter_map(|g| slot(*g)) {
                        if let Some(x) = covered.get_mut(k) {
                            *x += 1.0;
                        }
                    }
                }
            }
            best = best.max(value);
            let gradient: Vec<f64> = covered.iter().map(|x| 1.0 - x).collect();
            let norm: f64 = gradient.iter().map(|g| g * g).sum();
            if norm == 0.0 || target - value <= 1e-9 {
                break;
            }
            let step = lambda * (target - value).max(1e-3) / norm;
            for (x, g) in u.iter_mut().zip(&gradient) {
                *x = (*x + step * g).max(0.0);
            }
            lambda *= 0.97;
        }
        // (Rounded up, less a margin for rounding error that grows with the sums' size: a bound
        // must never pass the optimum.)
        let scale: f64 = costs.iter().sum::<f64>() + u.iter().sum::<f64>();
        let rounded = (best - 1e-9 * scale.max(1000.0)).ceil();
        if rounded > 0.0 { rounded as u64 } else { 0 }
    }

    /// Goals no two of which share an available candidate: each needs an item of its own, at
    /// least its cheapest candidate.
    fn disjoint(&self, goals: &Bits, unavailable: &Bits) -> (u64, usize) {
        let available_of = |g: usize| -> Bits {
            let mut bits = self.by_goal.get(g).cloned().unwrap_or_else(|| Bits::new(0));
            for (b, u) in bits.0.iter_mut().zip(&unavailable.0) {
                *b &= !u;
            }
            bits
        };
        let mut order: Vec<(usize, usize)> =
            goals.ones().map(|g| (available_of(g).count(), g)).collect();
        crate::sorting::sort(&mut order);
        let mut used = Bits::new(self.candidates.len());
        let (mut cost, mut count) = (0u64, 0usize);
        for (_, g) in order {
            let cands = available_of(g);
            if cands.count_and(&used) > 0 {
                continue;
            }
            let cheapest = cands
                .ones()
                .filter_map(|i| self.candidates.get(i).map(|c| c.cost))
                .min()
                .unwrap_or(0);
            cost += cheapest;
            count += 1;
            used.or_with(&cands);
        }
        (cost, count)
    }

    /// Whether the budget is spent (the clock read every 64 nodes, or at every node where the
    /// strong bound makes each costly).
    fn out_of_time(&mut self, costly: bool) -> bool {
        if !self.stopped && (costly || self.nodes % 64 == 0) && (self.clock)() > self.deadline {
            self.stopped = true;
        }
        self.stopped
    }

    /// One node of the search: `chosen` added, `excluded` ruled out, `abandoned` goals given up.
    fn node(&mut self, chosen: &mut Vec<usize>, excluded: &mut Bits, abandoned: &mut Bits) {
        self.nodes += 1;
        // (The strong bound where it pays: near the root, where a cut saves the most.)
        let strong = chosen.len() < 2;
        if self.out_of_time(strong) {
            return;
        }
        let met = self.met_bits(chosen);
        let key = self.key(chosen);
        if self.satisfied(&met) {
            if self.best.as_ref().is_none_or(|(best, _)| key < *best) {
                self.best = Some((key, chosen.clone()));
            }
            return;
        }
        let mut unavailable = excluded.clone();
        for c in chosen.iter() {
            unavailable.set(*c);
        }
        let Some(more) = self.bound(&met, abandoned, &unavailable, strong) else {
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
                .map(|c| c.ones().filter(|i| !unavailable.get(*i)).collect())
                .unwrap_or_default()
        };
        let pick = open
            .ones()
            .map(|g| (available(g).len(), g))
            .filter(|(n, _)| *n > 0)
            .min();
        let Some((_, goal)) = pick else {
            return;
        };
        let mut branches = available(goal);
        // Most open goals covered first (then the cheaper, then the earlier candidate).
        let gain = |i: usize| {
            let n = self.cover.get(i).map_or(0, |c| c.count_and(&open));
            (n, self.candidates.get(i).map_or(0, |c| c.cost))
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
            excluded.set(i);
            if self.stopped {
                break;
            }
        }
        if !self.stopped {
            // None of its candidates: the goal is given up (pruned unless its quota can spare it).
            abandoned.set(goal);
            self.node(chosen, excluded, abandoned);
            abandoned.clear(goal);
        }
        for &i in &branches {
            excluded.clear(i);
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
