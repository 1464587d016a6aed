//! Reachability: every expected proficiency must be reachable by some evidence kind, catalogue
//! item or rule (overrides aside); otherwise no participant could meet it.

use super::*;

impl Checker<'_> {
    /// Every expected proficiency must be reachable by some evidence (overrides aside).
    pub(super) fn reachability(&mut self, model: &Model) {
        if !self.out.iter().all(|d| !d.is_error()) {
            // Unresolved ids would make this check report false problems.
            return;
        }
        for (ci, comp) in model.competencies.iter().enumerate() {
            let scale = model.scale_of(ci);
            let top = scale.map_or(0, |s| s.ids.len().saturating_sub(1));
            let top = Rank::try_from(top).unwrap_or(Rank::MAX);
            let mut best: Option<Rank> = None;
            let mut raise = |r: Rank| best = Some(best.map_or(r, |b| b.max(r)));
            for kind in &model.kinds {
                if kind.counts_as == CountsAs::CompetencyClaims
                    && (comp.allow_equivalency || !kind.equivalency)
                {
                    // (No maximum, or none on this competency's scale: the top.)
                    raise(
                        kind.max_level
                            .get(comp.scale)
                            .copied()
                            .flatten()
                            .unwrap_or(top),
                    );
                }
            }
            for item in &model.items {
                for (gc, r) in &item.grants {
                    if *gc == ci {
                        raise(*r);
                    }
                }
            }
            for rule in &model.rules {
                for (gc, r) in &rule.grants {
                    if *gc == ci {
                        raise(*r);
                    }
                }
            }
            for (li, expected) in comp.expected.iter().enumerate() {
                let Some(expected) = *expected else { continue };
                if best.is_none_or(|b| b < expected) {
                    let level = self
                        .doc
                        .level
                        .get(li)
                        .map(|l| l.id.clone())
                        .unwrap_or_default();
                    let want = model.level_id(ci, expected);
                    let reach = best.map_or_else(
                        || "nothing".to_owned(),
                        |b| format!("`{}`", model.level_id(ci, b)),
                    );
                    self.error(
                        DiagnosticCode::Unreachable,
                        format!("competency[{ci}].expected.{level}"),
                        format!("`{}` expects `{want}` at `{level}`, but no evidence kind, catalogue item or rule can give more than {reach}", comp.id),
                    );
                }
            }
        }
    }
}
