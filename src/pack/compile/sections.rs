//! Section checks: the competencies (with their matrix of expectations), evidence kinds,
//! the catalogue and its grants, equivalency and completion requirements.

use super::*;

impl Checker<'_> {
    /// A described cell's texts: the description and every indicator in every language.
    fn cell_texts(&mut self, cell: &DescribedCellDoc, path: &str) {
        if let Some(description) = &cell.description {
            self.text(description, &format!("{path}.description"));
        }
        for (key, list) in [
            ("indicators", &cell.indicators),
            ("ineffective", &cell.ineffective),
        ] {
            for (i, text) in list.iter().enumerate() {
                self.text(text, &format!("{path}.{key}[{i}]"));
            }
        }
    }

    pub(super) fn competencies(
        &mut self,
        scales: &[Scale],
        levels: &Index,
        outcomes: &Index,
    ) -> Vec<Competency> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.competency.len());
        let mut used_outcomes = vec![false; doc.outcome.len()];
        // (Built by insertion: collecting into a map would bring one more sort into the module.)
        let mut scale_ids = BTreeMap::new();
        for (i, scale) in doc.scale.all().iter().enumerate() {
            scale_ids.insert(scale.id.clone(), i);
        }
        let scale_ids = Index::from_map(scale_ids);
        for (ci, comp) in doc.competency.iter().enumerate() {
            let path = format!("competency[{ci}]");
            // Its scale: the one it names, else the default.
            // (An unknown scale is reported once: its levels are not checked against another.)
            let scale_index = match &comp.scale {
                Some(id) => self.resolve(
                    &scale_ids,
                    "scale",
                    "proficiency scale",
                    id,
                    format!("{path}.scale"),
                ),
                None => Some(0),
            };
            let known_scale = scale_index.is_some();
            let scale_index = scale_index.unwrap_or(0);
            self.text(&comp.name, &format!("{path}.name"));
            self.text(&comp.description, &format!("{path}.description"));
            let outcome = match &comp.outcome {
                Some(_) if doc.outcome.is_empty() => {
                    self.error(
                        DiagnosticCode::UnknownId,
                        format!("{path}.outcome"),
                        "the pack has no learning outcomes: remove `outcome`, or add the [[outcome]] entries".to_owned(),
                    );
                    None
                }
                Some(id) => self
                    .resolve(
                        outcomes,
                        "outcome",
                        "learning outcome",
                        id,
                        format!("{path}.outcome"),
                    )
                    .map(|o| (o, Id::from(id.as_str()))),
                None => {
                    if !doc.outcome.is_empty() {
                        self.error(
                            DiagnosticCode::MissingKey,
                            format!("{path}.outcome"),
                            "missing key `outcome`: the pack has learning outcomes, so each competency names its own (or leave `[[outcome]]` out)".to_owned(),
                        );
                    }
                    None
                }
            };
            if let Some(slot) = outcome
                .as_ref()
                .and_then(|(o, _)| used_outcomes.get_mut(*o))
            {
                *slot = true;
            }
            let mut expected = vec![None; doc.level.len()];
            for (level_id, cell) in &comp.expected {
                let key_path = format!("{path}.expected.{level_id}");
                let value = cell.expected();
                if let CellDoc::Described(described) = cell {
                    self.cell_texts(described, &key_path);
                }
                let Some(level) = self.resolve(
                    levels,
                    "level",
                    "organizational level",
                    level_id,
                    key_path.clone(),
                ) else {
                    continue;
                };
                let rank = if value == NOT_REQUIRED {
                    None
                } else {
                    let at = match cell {
                        CellDoc::Level(_) => key_path,
                        CellDoc::Described(_) => format!("{key_path}.level"),
                    };
                    if known_scale {
                        self.rank(scales, scale_index, value, at)
                    } else {
                        None
                    }
                };
                if let Some(slot) = expected.get_mut(level) {
                    *slot = rank;
                }
            }
            for (scale_level, text) in &comp.proficiency {
                let at = format!("{path}.proficiency.{scale_level}");
                self.text(text, &at);
                if known_scale {
                    self.rank(scales, scale_index, scale_level, at);
                }
            }
            // A key that names no level is most likely the missing level misspelt: say so
            // rather than only suggest `not_required`.
            let misspelt = comp.expected.keys().find(|k| levels.get(k).is_none());
            for level in &doc.level {
                if !comp.expected.contains_key(&level.id) {
                    let advice = match misspelt {
                        Some(key) => format!("is `{key}` meant to be `{}`?", level.id),
                        None => format!(
                            "write `{} = \"{NOT_REQUIRED}\"` if it is not required there",
                            level.id
                        ),
                    };
                    self.error(
                        DiagnosticCode::MissingExpectation,
                        format!("{path}.expected"),
                        format!(
                            "no expected proficiency for level `{}` ({advice})",
                            level.id
                        ),
                    );
                }
            }
            // Expectations must not fall as levels rise.
            let mut previous: Option<(usize, Rank)> = None;
            for (li, rank) in expected.iter().enumerate() {
                let Some(rank) = *rank else { continue };
                if let Some((pi, prank)) = previous
                    && rank < prank
                {
                    let name =
                        |i: usize| doc.level.get(i).map(|l| l.id.clone()).unwrap_or_default();
                    let scale_id = |r: Rank| {
                        scales
                            .get(scale_index)
                            .and_then(|s| s.ids.get(usize::from(r)))
                            .map(|id| id.to_string())
                            .unwrap_or_default()
                    };
                    self.error(
                        DiagnosticCode::LevelsOutOfOrder,
                        format!("{path}.expected.{}", name(li)),
                        format!(
                            "expected proficiency falls from `{}` at `{}` to `{}` at `{}`: levels must not expect less as they rise (use `{NOT_REQUIRED}` to drop a competency)",
                            scale_id(prank), name(pi), scale_id(rank), name(li)
                        ),
                    );
                }
                previous = Some((li, rank));
            }
            // (Every cell says `not_required`: a cell whose level could not be read is reported
            // already and does not make this warning.)
            if !comp.expected.is_empty()
                && comp.expected.values().all(|c| c.expected() == NOT_REQUIRED)
            {
                self.warn(
                    DiagnosticCode::NeverRequired,
                    format!("{path}.expected"),
                    format!("`{}` is not required at any level", comp.id),
                );
            }
            out.push(Competency {
                id: comp.id.as_str().into(),
                outcome,
                scale: scale_index,
                expected,
                allow_equivalency: comp.allow_equivalency,
            });
        }
        for (oi, used) in used_outcomes.iter().enumerate() {
            if !used && !self.decoded.broken_sections.contains("competency") {
                let id = doc
                    .outcome
                    .get(oi)
                    .map(|o| o.id.clone())
                    .unwrap_or_default();
                self.warn(
                    DiagnosticCode::EmptyOutcome,
                    format!("outcome[{oi}]"),
                    format!("no competency belongs to outcome `{id}`"),
                );
            }
        }
        out
    }

    pub(super) fn kinds(&mut self, scales: &[Scale]) -> Vec<Kind> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.evidence_kind.len());
        for (ki, kind) in doc.evidence_kind.iter().enumerate() {
            let path = format!("evidence_kind[{ki}]");
            self.text(&kind.name, &format!("{path}.name"));
            if kind.assessors.is_empty() {
                self.error(
                    DiagnosticCode::Empty,
                    format!("{path}.assessors"),
                    "name who may assess this kind, e.g. [\"program_assessor\"]",
                );
            }
            // (A list of the roles seen, at most one of each, rather than one more set type,
            // which would cost the WebAssembly module kilobytes.)
            let mut seen = Vec::new();
            for (ai, role) in kind.assessors.iter().enumerate() {
                if seen.contains(role) {
                    self.error(
                        DiagnosticCode::DuplicateId,
                        format!("{path}.assessors[{ai}]"),
                        format!("`{}` is listed twice", role.id()),
                    );
                } else {
                    seen.push(*role);
                }
            }
            let claims = matches!(
                kind.counts_as,
                CountsAs::CompetencyClaims | CountsAs::Override
            );
            let max_level = match &kind.max_level {
                Some(_) if !claims => {
                    self.error(DiagnosticCode::NotApplicable, format!("{path}.max_level"), "`max_level` applies only to kinds that count as competency_claims or override");
                    Vec::new()
                }
                Some(level) => self.max_level(scales, level, &format!("{path}.max_level")),
                None => Vec::new(),
            };
            if kind.above_max_level == AboveMaxLevel::Cap && kind.max_level.is_none() {
                self.error(
                    DiagnosticCode::NotApplicable,
                    format!("{path}.above_max_level"),
                    "`above_max_level` needs a `max_level` to cap at",
                );
            }
            if kind.equivalency
                && !matches!(
                    kind.counts_as,
                    CountsAs::CompetencyClaims | CountsAs::CatalogueItem
                )
            {
                self.error(
                    DiagnosticCode::NotApplicable,
                    format!("{path}.equivalency"),
                    "only competency_claims and catalogue_item kinds can be equivalency",
                );
            }
            if kind.max_age_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.max_age_months"),
                    "must be at least 1 (leave it out for no limit)",
                );
            }
            out.push(Kind {
                id: kind.id.as_str().into(),
                counts_as: kind.counts_as,
                equivalency: kind.equivalency,
                assessors: kind.assessors.clone(),
                max_age_months: kind.max_age_months,
                max_level,
                cap_at_max_level: kind.above_max_level == AboveMaxLevel::Cap,
            });
        }
        out
    }

    pub(super) fn grade(&mut self, grade: Option<f64>, path: &str) {
        if let Some(g) = grade
            && !(0.0..=100.0).contains(&g)
        {
            self.error(
                DiagnosticCode::OutOfRange,
                path,
                format!(
                    "a grade is between 0 and 100, not {}",
                    crate::messages::number(g)
                ),
            );
        }
    }

    /// A kind's `max_level`, ranked on every scale that has it: unknown on all of them is an
    /// error; missing from some is a warning (claims on their competencies are not capped).
    fn max_level(&mut self, scales: &[Scale], level: &str, path: &str) -> Vec<Option<Rank>> {
        let ranks: Vec<Option<Rank>> = scales
            .iter()
            .map(|s| s.index.get(level).and_then(|r| Rank::try_from(r).ok()))
            .collect();
        if ranks.iter().all(Option::is_none) {
            self.rank(scales, 0, level, path.to_owned());
            return Vec::new();
        }
        for (si, rank) in ranks.iter().enumerate() {
            if rank.is_none() {
                let scale = self.doc.scale.all().get(si).map_or("", |s| s.id.as_str());
                self.warn(
                    DiagnosticCode::NotApplicable,
                    path,
                    format!("`{level}` is not a level of scale `{scale}`: claims on its competencies are not capped"),
                );
            }
        }
        ranks
    }

    pub(super) fn grants(
        &mut self,
        grants: &[GrantDoc],
        path: &str,
        scales: &[Scale],
        competencies: &Index,
        compiled: &[Competency],
    ) -> Vec<(usize, Rank)> {
        let mut out = Vec::with_capacity(grants.len());
        for (gi, grant) in grants.iter().enumerate() {
            let gpath = format!("{path}.grants[{gi}]");
            let comp = self.resolve(
                competencies,
                "competency",
                "competency",
                &grant.competency,
                format!("{gpath}.competency"),
            );
            // On the competency's scale (the default one for an unknown competency).
            let scale = comp.and_then(|c| compiled.get(c)).map_or(0, |c| c.scale);
            let rank = self.rank(scales, scale, &grant.level, format!("{gpath}.level"));
            if let (Some(comp), Some(rank)) = (comp, rank) {
                out.push((comp, rank));
            }
        }
        out
    }

    pub(super) fn catalogue(
        &mut self,
        scales: &[Scale],
        competency_index: &Index,
        kind_index: &Index,
        kinds: &[Kind],
        competencies: &[Competency],
    ) -> Vec<Item> {
        let doc = self.doc;
        let mut out = Vec::with_capacity(doc.catalogue.len());
        for (ii, item) in doc.catalogue.iter().enumerate() {
            let path = format!("catalogue[{ii}]");
            self.text(&item.name, &format!("{path}.name"));
            self.grade(item.min_grade, &format!("{path}.min_grade"));
            // (Read by the planner only: the builds without it leave them unchecked.)
            #[cfg(feature = "planning")]
            for (key, value) in [("hours", item.hours), ("cost", item.cost)] {
                if value.is_some_and(|v| !(0.0..=1e12).contains(&v)) {
                    self.error(
                        DiagnosticCode::OutOfRange,
                        format!("{path}.{key}"),
                        "must be a number from 0 up (at most 10^12)",
                    );
                }
            }
            if item.valid_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.valid_months"),
                    "must be at least 1 (leave it out for no expiry)",
                );
            }
            let kind = self.resolve(
                kind_index,
                "evidence_kind",
                "evidence kind",
                &item.kind,
                format!("{path}.kind"),
            );
            let kind_info = kind.and_then(|k| kinds.get(k));
            if let Some(k) = kind_info
                && k.counts_as != CountsAs::CatalogueItem
            {
                self.error(
                    DiagnosticCode::WrongKind,
                    format!("{path}.kind"),
                    format!("evidence kind `{}` does not count as catalogue_item", k.id),
                );
            }
            let grants = self.grants(&item.grants, &path, scales, competency_index, competencies);
            if item.grants.is_empty() {
                self.warn(
                    DiagnosticCode::GrantsNothing,
                    format!("{path}.grants"),
                    format!("`{}` grants no competency", item.id),
                );
            }
            if kind_info.is_some_and(|k| k.equivalency) {
                for (gi, (comp, _)) in grants.iter().enumerate() {
                    if let Some(c) = competencies.get(*comp)
                        && !c.allow_equivalency
                    {
                        self.error(
                            DiagnosticCode::EquivalencyNotAllowed,
                            format!("{path}.grants[{gi}].competency"),
                            format!("`{}` may not be obtained by equivalency, but `{}` is an equivalency kind", c.id, item.kind),
                        );
                    }
                }
            }
            out.push(Item {
                id: item.id.as_str().into(),
                kind: kind.unwrap_or(0),
                min_grade: item.min_grade,
                valid_months: item.valid_months,
                grants,
            });
        }
        out
    }

    pub(super) fn equivalency(&mut self) {
        if let Some(p) = self.doc.equivalency.max_percent
            && p > 100
        {
            self.error(
                DiagnosticCode::OutOfRange,
                "equivalency.max_percent",
                "a percentage is at most 100",
            );
        }
    }

    pub(super) fn completion(&mut self, model: &Model) -> Vec<Completion> {
        let doc = self.doc;
        let mut out: Vec<Option<Completion>> = vec![None; doc.level.len()];
        let has_kind = |counts: CountsAs| model.kinds.iter().any(|k| k.counts_as == counts);
        for (i, comp) in doc.completion.iter().enumerate() {
            let path = format!("completion[{i}]");
            let Some(level) = self.resolve(
                &model.org_levels,
                "level",
                "organizational level",
                &comp.level,
                format!("{path}.level"),
            ) else {
                continue;
            };
            if comp.competencies_percent > 100 {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.competencies_percent"),
                    "a percentage is at most 100",
                );
            }
            if comp.time_limit_months == Some(0) {
                self.error(
                    DiagnosticCode::OutOfRange,
                    format!("{path}.time_limit_months"),
                    "must be at least 1 (leave it out for no limit)",
                );
            }
            let needs = [
                (
                    comp.coaching_sessions > 0,
                    CountsAs::CoachingSession,
                    "coaching_sessions",
                    "coaching_session",
                ),
                (
                    comp.mentoring_conversations > 0,
                    CountsAs::MentoringConversation,
                    "mentoring_conversations",
                    "mentoring_conversation",
                ),
                (
                    comp.final_assignment,
                    CountsAs::FinalAssignment,
                    "final_assignment",
                    "final_assignment",
                ),
            ];
            for (needed, counts, key, name) in needs {
                if needed
                    && !has_kind(counts)
                    && !self.decoded.broken_sections.contains("evidence_kind")
                    && !self.decoded.broken_ids.contains("evidence_kind/")
                {
                    self.error(
                        DiagnosticCode::Unreachable,
                        format!("{path}.{key}"),
                        format!("no evidence kind counts as {name}, so this can never be met"),
                    );
                }
            }
            if comp.final_assignment && doc.final_assignment.is_none() {
                self.error(
                    DiagnosticCode::MissingSection,
                    format!("{path}.final_assignment"),
                    "a final assignment is required but the pack has no [final_assignment] section",
                );
            }
            let chosen = comp
                .chosen
                .as_ref()
                .and_then(|chosen| self.chosen(model, chosen, level, &path));
            let slot = out.get_mut(level);
            match slot {
                Some(slot @ None) => {
                    *slot = Some(Completion {
                        competencies_percent: comp.competencies_percent,
                        coaching_sessions: comp.coaching_sessions,
                        mentoring_conversations: comp.mentoring_conversations,
                        final_assignment: comp.final_assignment,
                        time_limit_months: comp.time_limit_months,
                        chosen,
                    });
                }
                Some(Some(_)) => self.error(
                    DiagnosticCode::DuplicateId,
                    format!("{path}.level"),
                    format!("level `{}` already has completion requirements", comp.level),
                ),
                None => {}
            }
        }
        if !self.decoded.broken_sections.contains("completion") {
            for (li, slot) in out.iter().enumerate() {
                let id = doc.level.get(li).map(|l| l.id.clone()).unwrap_or_default();
                // (A level whose entry could not be read has its problem reported already.)
                if slot.is_none()
                    && !self
                        .decoded
                        .broken_ids
                        .contains(&format!("completion/{id}"))
                {
                    self.error(DiagnosticCode::MissingCompletion, "completion", format!("level `{id}` has no [[completion]] entry, so participants at that level could never complete"));
                }
            }
        }
        if doc.progression.next_level_percent > 100 {
            self.error(
                DiagnosticCode::OutOfRange,
                "progression.next_level_percent",
                "a percentage is at most 100",
            );
        }
        out.into_iter().map(Option::unwrap_or_default).collect()
    }

    /// A level's chosen competencies: each known, listed once and required at the level; a count
    /// from 1 to the size of the set.
    fn chosen(
        &mut self,
        model: &Model,
        chosen: &ChosenDoc,
        level: usize,
        path: &str,
    ) -> Option<(u32, Vec<usize>)> {
        let path = format!("{path}.chosen");
        let mut from: Vec<usize> = Vec::with_capacity(chosen.from.len());
        for (i, id) in chosen.from.iter().enumerate() {
            let at = format!("{path}.from[{i}]");
            let Some(ci) = self.resolve(
                &model.competency_index,
                "competency",
                "competency",
                id,
                at.clone(),
            ) else {
                continue;
            };
            if from.contains(&ci) {
                self.error(
                    DiagnosticCode::DuplicateId,
                    at,
                    format!("`{id}` is listed twice"),
                );
                continue;
            }
            let required = model
                .competencies
                .get(ci)
                .and_then(|c| c.expected.get(level).copied().flatten());
            if required.is_none() {
                let level_id = self.doc.level.get(level).map_or("", |l| l.id.as_str());
                self.warn(
                    DiagnosticCode::NotApplicable,
                    at,
                    format!("`{id}` is not required at level `{level_id}`, so choosing it changes nothing: give it an expected proficiency there"),
                );
            }
            from.push(ci);
        }
        // (The distinct ids of `from` as written: an unknown one is reported on its own.)
        let distinct = chosen
            .from
            .iter()
            .enumerate()
            .filter(|(i, id)| {
                !chosen
                    .from
                    .get(..*i)
                    .is_some_and(|before| before.contains(id))
            })
            .count();
        let size = u32::try_from(distinct).unwrap_or(u32::MAX);
        if chosen.from.is_empty() {
            self.error(
                DiagnosticCode::Empty,
                format!("{path}.from"),
                "list the competencies a participant chooses from",
            );
        } else if chosen.count == 0 || chosen.count > size {
            self.error(
                DiagnosticCode::OutOfRange,
                format!("{path}.count"),
                format!("a participant chooses from 1 to {size} (the competencies of `from`)"),
            );
        }
        Some((chosen.count, from))
    }
}
