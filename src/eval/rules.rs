//! Equivalency-rule conditions: all-of, any-of, n-of, points, and their leaves, evaluated against
//! the evidence that counted and the competencies achieved so far.

use crate::pack::model::{Condition, Rank};

/// A counted evidence item as a rule sees it: its id and the competencies (at ranks) it gives.
pub(crate) type KindEvidence<'f> = (&'f str, &'f [(usize, Rank)]);

/// What a condition can look at.
pub(crate) struct Facts<'f> {
    /// Per catalogue item: ids of counted completions.
    pub item_evidence: &'f [Vec<&'f str>],
    /// Per evidence kind: counted items (id, what they give).
    pub kind_evidence: &'f [Vec<KindEvidence<'f>>],
    /// Per competency: achieved rank so far.
    pub achieved: &'f dyn Fn(usize) -> Option<Rank>,
}

/// Whether `cond` holds; the ids of the evidence that made it hold are added to `used`.
pub(crate) fn holds<'f>(cond: &Condition, facts: &Facts<'f>, used: &mut Vec<&'f str>) -> bool {
    match cond {
        Condition::All(children) => {
            let mut mine = Vec::new();
            let ok = children.iter().all(|c| holds(c, facts, &mut mine));
            if ok {
                used.extend(mine);
            }
            ok
        }
        Condition::Any(children) => count_holding(children.iter(), facts, used) > 0,
        Condition::NOf(n, children) => {
            let mut mine = Vec::new();
            let ok = count_holding(children.iter(), facts, &mut mine) >= u64::from(*n);
            if ok {
                used.extend(mine);
            }
            ok
        }
        Condition::Points(min, children) => {
            let mut mine = Vec::new();
            let mut total: u64 = 0;
            for (award, child) in children {
                if holds(child, facts, &mut mine) {
                    total += u64::from(*award);
                }
            }
            let ok = total >= u64::from(*min);
            if ok {
                used.extend(mine);
            }
            ok
        }
        Condition::Item(item) => match facts.item_evidence.get(*item) {
            Some(ids) if !ids.is_empty() => {
                used.extend(ids.iter().copied());
                true
            }
            _ => false,
        },
        Condition::Achieved(comp, rank) => (facts.achieved)(*comp).is_some_and(|r| r >= *rank),
        Condition::Kind { kind, claim, count } => {
            let Some(items) = facts.kind_evidence.get(*kind) else {
                return false;
            };
            let matching: Vec<&str> = items
                .iter()
                .filter(|(_, gives)| match claim {
                    None => true,
                    Some((comp, rank)) => gives.iter().any(|(c, r)| c == comp && r >= rank),
                })
                .map(|(id, _)| *id)
                .collect();
            let ok = matching.len() >= usize::try_from(*count).unwrap_or(usize::MAX);
            if ok {
                used.extend(matching);
            }
            ok
        }
    }
}

fn count_holding<'c, 'f>(
    children: impl Iterator<Item = &'c Condition>,
    facts: &Facts<'f>,
    used: &mut Vec<&'f str>,
) -> u64 {
    let mut count = 0;
    for child in children {
        if holds(child, facts, used) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_with<'f>(
        items: &'f [Vec<&'f str>],
        achieved: &'f dyn Fn(usize) -> Option<Rank>,
    ) -> Facts<'f> {
        Facts {
            item_evidence: items,
            kind_evidence: &[],
            achieved,
        }
    }

    #[test]
    fn combinators_hold_as_their_names_say() {
        let items = vec![vec!["e1"], vec![], vec!["e3", "e4"]];
        let none = |_: usize| None;
        let facts = facts_with(&items, &none);
        let item = Condition::Item;
        let mut used = Vec::new();
        assert!(holds(
            &Condition::All(vec![item(0), item(2)]),
            &facts,
            &mut used
        ));
        assert_eq!(used, vec!["e1", "e3", "e4"]);
        assert!(!holds(
            &Condition::All(vec![item(0), item(1)]),
            &facts,
            &mut Vec::new()
        ));
        assert!(holds(
            &Condition::Any(vec![item(1), item(0)]),
            &facts,
            &mut Vec::new()
        ));
        assert!(!holds(
            &Condition::Any(vec![item(1)]),
            &facts,
            &mut Vec::new()
        ));
        assert!(holds(
            &Condition::NOf(2, vec![item(0), item(1), item(2)]),
            &facts,
            &mut Vec::new()
        ));
        assert!(!holds(
            &Condition::NOf(3, vec![item(0), item(1), item(2)]),
            &facts,
            &mut Vec::new()
        ));
        let points = |min| Condition::Points(min, vec![(3, item(0)), (5, item(1)), (2, item(2))]);
        assert!(holds(&points(5), &facts, &mut Vec::new()));
        assert!(!holds(&points(6), &facts, &mut Vec::new()));
    }

    #[test]
    fn a_failed_all_contributes_no_evidence() {
        let items = vec![vec!["e1"], vec![]];
        let none = |_: usize| None;
        let facts = facts_with(&items, &none);
        let mut used = Vec::new();
        assert!(!holds(
            &Condition::All(vec![Condition::Item(0), Condition::Item(1)]),
            &facts,
            &mut used
        ));
        assert!(used.is_empty());
    }

    #[test]
    fn achieved_leaf_compares_ranks() {
        let achieved = |c: usize| (c == 0).then_some(2);
        let facts = facts_with(&[], &achieved);
        assert!(holds(&Condition::Achieved(0, 2), &facts, &mut Vec::new()));
        assert!(!holds(&Condition::Achieved(0, 3), &facts, &mut Vec::new()));
        assert!(!holds(&Condition::Achieved(1, 0), &facts, &mut Vec::new()));
    }
}
