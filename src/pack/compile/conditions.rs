//! Equivalency rules: each rule's condition checked and lowered to the compiled form the
//! evaluator runs (ids resolved to indices, nesting bounded).

use super::*;

impl Checker<'_> {
    pub(super) fn rules(&mut self, model: &Model) -> Vec<Rule> {
        let doc = self.doc;
        self.index("rule", doc.rule.iter().map(|r| r.id.as_str()));
        let mut compiled = Vec::with_capacity(doc.rule.len());
        for (ri, rule) in doc.rule.iter().enumerate() {
            let path = format!("rule[{ri}]");
            if let Some(name) = &rule.name {
                self.text(name, &format!("{path}.name"));
            }
            if rule.grants.is_empty() {
                self.error(
                    DiagnosticCode::Empty,
                    format!("{path}.grants"),
                    "a rule must grant at least one competency",
                );
            }
            let grants = self.grants(
                &rule.grants,
                &path,
                &model.scales,
                &model.competency_index,
                &model.competencies,
            );
            if rule.equivalency {
                for (gi, (comp, _)) in grants.iter().enumerate() {
                    if let Some(c) = model.competencies.get(*comp)
                        && !c.allow_equivalency
                    {
                        self.error(
                            DiagnosticCode::EquivalencyNotAllowed,
                            format!("{path}.grants[{gi}].competency"),
                            format!("`{}` may not be obtained by equivalency; mark the rule `equivalency = false` if it is not one", c.id),
                        );
                    }
                }
            }
            let depth = condition_depth(&rule.when);
            if depth > crate::limits::MAX_RULE_DEPTH {
                self.error(
                    DiagnosticCode::LimitExceeded,
                    format!("{path}.when"),
                    format!(
                        "conditions nest {depth} deep, more than the limit of {}",
                        crate::limits::MAX_RULE_DEPTH
                    ),
                );
                continue;
            }
            let when = self.condition(&rule.when, &format!("{path}.when"), model, false);
            if let Some(when) = when {
                compiled.push((
                    ri,
                    Rule {
                        id: rule.id.as_str().into(),
                        grants,
                        when,
                        equivalency: rule.equivalency,
                    },
                ));
            }
        }
        self.order_rules(compiled)
    }

    pub(super) fn condition(
        &mut self,
        cond: &ConditionDoc,
        path: &str,
        model: &Model,
        in_points: bool,
    ) -> Option<Condition> {
        let present = cond.forms();
        if present.len() != 1 {
            let message = if present.is_empty() {
                "a condition needs one of all, any, n_of, points, item, kind or competency"
                    .to_owned()
            } else {
                format!(
                    "a condition has exactly one form, this one has {}",
                    present.join(", ")
                )
            };
            self.error(DiagnosticCode::InvalidCondition, path, message);
            return None;
        }
        match (in_points, cond.award) {
            (true, None) => self.error(
                DiagnosticCode::MissingKey,
                format!("{path}.award"),
                "each entry of `points.from` needs an `award`",
            ),
            (false, Some(_)) => self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.award"),
                "`award` is only used inside `points.from`",
            ),
            _ => {}
        }
        if cond.level.is_some() && cond.competency.is_none() {
            self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.level"),
                "`level` goes with `competency`",
            );
        }
        if cond.count.is_some() && cond.kind.is_none() {
            self.error(
                DiagnosticCode::NotApplicable,
                format!("{path}.count"),
                "`count` goes with `kind`",
            );
        }
        let list = |this: &mut Self,
                    items: &[ConditionDoc],
                    key: &str,
                    points: bool|
         -> Option<Vec<Condition>> {
            if items.is_empty() {
                this.error(
                    DiagnosticCode::Empty,
                    format!("{path}.{key}"),
                    format!("`{key}` needs at least one condition"),
                );
            }
            let compiled: Vec<Option<Condition>> = items
                .iter()
                .enumerate()
                .map(|(i, c)| this.condition(c, &format!("{path}.{key}[{i}]"), model, points))
                .collect();
            compiled.into_iter().collect()
        };
        if let Some(items) = &cond.all {
            return list(self, items, "all", false).map(Condition::All);
        }
        if let Some(items) = &cond.any {
            return list(self, items, "any", false).map(Condition::Any);
        }
        if let Some(n_of) = &cond.n_of {
            if n_of.n == 0 || usize::try_from(n_of.n).map_or(true, |n| n > n_of.of.len()) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.n_of.n"),
                    format!(
                        "n must be between 1 and the {} conditions listed",
                        n_of.of.len()
                    ),
                );
            }
            return list(self, &n_of.of, "n_of.of", false).map(|of| Condition::NOf(n_of.n, of));
        }
        if let Some(points) = &cond.points {
            let children = list(self, &points.from, "points.from", true)?;
            let awards: Vec<u32> = points.from.iter().map(|c| c.award.unwrap_or(0)).collect();
            let total: u64 = awards.iter().map(|a| u64::from(*a)).sum();
            if points.min == 0 || u64::from(points.min) > total {
                self.error(
                    DiagnosticCode::Unreachable,
                    format!("{path}.points.min"),
                    format!("min must be between 1 and the {total} points available"),
                );
            }
            return Some(Condition::Points(
                points.min,
                awards.into_iter().zip(children).collect(),
            ));
        }
        if let Some(item) = &cond.item {
            return self
                .resolve(
                    &model.item_index,
                    "catalogue",
                    "catalogue item",
                    item,
                    format!("{path}.item"),
                )
                .map(Condition::Item);
        }
        let competency = match &cond.competency {
            Some(id) => Some(self.resolve(
                &model.competency_index,
                "competency",
                "competency",
                id,
                format!("{path}.competency"),
            )?),
            None => None,
        };
        let rank = match &cond.level {
            // On the competency's scale (`level` goes with `competency`).
            Some(level) => {
                let scale = competency.and_then(|c| model.competencies.get(c))?.scale;
                Some(self.rank(&model.scales, scale, level, format!("{path}.level"))?)
            }
            None => None,
        };
        if let Some(kind) = &cond.kind {
            let kind = self.resolve(
                &model.kind_index,
                "evidence_kind",
                "evidence kind",
                kind,
                format!("{path}.kind"),
            )?;
            if cond.count == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.count"),
                    "count must be at least 1",
                );
            }
            if competency.is_some()
                && model
                    .kinds
                    .get(kind)
                    .is_some_and(|k| !matches!(k.counts_as, CountsAs::CompetencyClaims))
            {
                self.error(
                    DiagnosticCode::NotApplicable,
                    format!("{path}.competency"),
                    "`competency` with `kind` needs a kind that counts as competency_claims",
                );
            }
            return Some(Condition::Kind {
                kind,
                claim: competency.map(|c| (c, rank.unwrap_or(0))),
                count: cond.count.unwrap_or(1),
            });
        }
        let competency = competency?;
        let Some(rank) = rank else {
            self.error(
                DiagnosticCode::MissingKey,
                format!("{path}.level"),
                "a competency condition needs the `level` it must be achieved at",
            );
            return None;
        };
        Some(Condition::Achieved(competency, rank))
    }
}

/// How deep `cond` nests: 1 for a condition without sub-conditions.
fn condition_depth(cond: &ConditionDoc) -> usize {
    let children = cond
        .all
        .iter()
        .chain(cond.any.iter())
        .flatten()
        .chain(cond.n_of.iter().flat_map(|n| n.of.iter()))
        .chain(cond.points.iter().flat_map(|p| p.from.iter()));
    1 + children.map(condition_depth).max().unwrap_or(0)
}
