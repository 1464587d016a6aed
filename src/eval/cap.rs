//! The prior-learning cap: equivalency may credit at most a share of the competencies required at
//! the participant's level, oldest claim first.

use super::*;

impl<'a> Ctx<'a> {
    /// The prior-learning cap: equivalency claims and grants, oldest claim first, may credit at
    /// most `max_percent` of the competencies required at the participant's level.
    pub(super) fn apply_cap(&mut self, counted: &mut Vec<Counted<'a>>) {
        let Some(percent) = self.pack.document().equivalency.max_percent else {
            return;
        };
        let required = self
            .model
            .competencies
            .iter()
            .filter(|c| c.expected.get(self.org_level).copied().flatten().is_some())
            .count();
        let cap = required * usize::try_from(percent).unwrap_or(0) / 100;
        let mut order: Vec<usize> = (0..counted.len())
            .filter(|&i| {
                counted
                    .get(i)
                    .and_then(|c| self.model.kinds.get(c.kind))
                    .is_some_and(|k| k.equivalency)
            })
            .collect();
        crate::sorting::sort_by(&mut order, |&a, &b| {
            let key = |i: usize| {
                counted
                    .get(i)
                    .map(|c| (admission::claimed_on(c.ev), c.ev.id.as_str()))
            };
            key(a).cmp(&key(b))
        });
        let mut credited: Vec<usize> = Vec::new();
        for i in order {
            let Some(item) = counted.get_mut(i) else {
                continue;
            };
            let ev = item.ev;
            let mut kept = Vec::with_capacity(item.gives.len());
            let mut refused = Vec::new();
            for (comp, rank) in item.gives.drain(..) {
                if credited.contains(&comp) {
                    kept.push((comp, rank));
                } else if credited.len() < cap {
                    credited.push(comp);
                    kept.push((comp, rank));
                } else {
                    refused.push(comp);
                }
            }
            item.gives = kept;
            for comp in refused {
                let id = self
                    .model
                    .competencies
                    .get(comp)
                    .map(|c| c.id.clone())
                    .unwrap_or_default();
                self.refuse(
                    ev,
                    Some(&id),
                    Message::OverPriorLearningCap,
                    &[("cap", cap.to_string()), ("competency", id.to_string())],
                );
            }
        }
        // An item left with nothing to give does not count.
        counted.retain(|c| {
            !c.gives.is_empty() || self.model.kinds.get(c.kind).is_none_or(|k| !k.equivalency)
        });
    }
}
