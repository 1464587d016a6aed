//! Rule ordering: rules run after the rules whose grants they read (Kahn's algorithm), and a
//! cycle is reported once, with the rules that form it.

use super::*;

impl Checker<'_> {
    /// Orders rules so each comes after the rules granting what it reads; reports cycles.
    pub(super) fn order_rules(&mut self, rules: Vec<(usize, Rule)>) -> Vec<Rule> {
        fn reads(cond: &Condition, out: &mut Vec<usize>) {
            match cond {
                Condition::All(cs) | Condition::Any(cs) | Condition::NOf(_, cs) => {
                    cs.iter().for_each(|c| reads(c, out))
                }
                Condition::Points(_, cs) => cs.iter().for_each(|(_, c)| reads(c, out)),
                Condition::Achieved(comp, _) => out.push(*comp),
                Condition::Item(_) | Condition::Kind { .. } => {}
            }
        }
        let count = rules.len();
        // Which rules grant each competency, so dependencies are found without comparing every
        // pair of rules.
        // (A table by competency index rather than a map: no new map type in the module.)
        let competencies = rules
            .iter()
            .flat_map(|(_, rule)| rule.grants.iter().map(|(comp, _)| comp + 1))
            .max()
            .unwrap_or(0);
        let mut granted_by: Vec<Vec<usize>> = vec![Vec::new(); competencies];
        for (s, (_, rule)) in rules.iter().enumerate() {
            for (comp, _) in &rule.grants {
                if let Some(list) = granted_by.get_mut(*comp)
                    && list.last() != Some(&s)
                {
                    list.push(s);
                }
            }
        }
        // depends[r] = rules that must run before r; dependents[s] = rules waiting for s.
        let mut depends: Vec<Vec<usize>> = vec![Vec::new(); count];
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (r, (_, rule)) in rules.iter().enumerate() {
            let mut read = Vec::new();
            reads(&rule.when, &mut read);
            let Some(set) = depends.get_mut(r) else {
                continue;
            };
            for s in read
                .iter()
                .filter_map(|comp| granted_by.get(*comp))
                .flatten()
            {
                // (A sorted list rather than a set: one more set type would cost the WebAssembly
                // module kilobytes.)
                if let Err(at) = set.binary_search(s) {
                    set.insert(at, *s);
                    if let Some(list) = dependents.get_mut(*s) {
                        list.push(r);
                    }
                }
            }
        }
        // Kahn's algorithm, always taking the lowest-numbered ready rule (the pack's order
        // wherever dependencies allow it).
        let mut waiting: Vec<usize> = depends.iter().map(Vec::len).collect();
        let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = waiting
            .iter()
            .enumerate()
            .filter(|(_, w)| **w == 0)
            .map(|(r, _)| std::cmp::Reverse(r))
            .collect();
        let mut done = vec![false; count];
        let mut order = Vec::with_capacity(count);
        while let Some(std::cmp::Reverse(r)) = ready.pop() {
            if let Some(slot) = done.get_mut(r) {
                *slot = true;
            }
            order.push(r);
            for d in dependents.get(r).into_iter().flatten() {
                if let Some(w) = waiting.get_mut(*d) {
                    *w = w.saturating_sub(1);
                    if *w == 0 {
                        ready.push(std::cmp::Reverse(*d));
                    }
                }
            }
        }
        if order.len() < count {
            // Report each remaining cycle once. From every unfinished rule, follow its first
            // unfinished dependency (there always is one): the walk ends in a cycle. Each rule is
            // visited once over all walks; a walk that reaches a rule an earlier walk visited
            // stops, since the cycle that way was already found.
            let next_of = |r: usize| {
                depends.get(r).and_then(|d| {
                    d.iter()
                        .find(|s| !done.get(**s).copied().unwrap_or(true))
                        .copied()
                })
            };
            // visited[r] = the walk (its start + 1) that visited r, 0 if none yet.
            let mut visited = vec![0usize; count];
            for start in 0..count {
                if done.get(start).copied().unwrap_or(true)
                    || visited.get(start).copied().unwrap_or(1) != 0
                {
                    continue;
                }
                let walk_id = start + 1;
                let mut walk = vec![start];
                if let Some(slot) = visited.get_mut(start) {
                    *slot = walk_id;
                }
                let mut current = start;
                let cycle = loop {
                    let Some(next) = next_of(current) else {
                        break None;
                    };
                    match visited.get(next).copied() {
                        Some(0) => {}
                        Some(w) if w == walk_id => {
                            let pos = walk.iter().rposition(|r| *r == next).unwrap_or(0);
                            break Some(walk.split_off(pos));
                        }
                        _ => break None,
                    }
                    if let Some(slot) = visited.get_mut(next) {
                        *slot = walk_id;
                    }
                    walk.push(next);
                    current = next;
                };
                let Some(cycle) = cycle else { continue };
                let ids: Vec<&str> = cycle
                    .iter()
                    .chain(cycle.first())
                    .filter_map(|r| rules.get(*r).map(|(_, rule)| &*rule.id))
                    .collect();
                let position = cycle
                    .first()
                    .and_then(|r| rules.get(*r))
                    .map_or(0, |(p, _)| *p);
                self.error(
                    DiagnosticCode::Cycle,
                    format!("rule[{position}].when"),
                    format!(
                        "rules depend on each other in a cycle: {}",
                        ids.join(" -> ")
                    ),
                );
            }
        }
        let mut slots: Vec<Option<Rule>> = rules.into_iter().map(|(_, r)| Some(r)).collect();
        order
            .into_iter()
            .filter_map(|r| slots.get_mut(r).and_then(Option::take))
            .collect()
    }
}
