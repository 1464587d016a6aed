//! Checks of what links a pack to other standards: competency cross-references (CASE), the xAPI
//! activity mapping of the catalogue and the `[xapi]` settings, and the `[credential]` settings.

use super::{Checker, Model};
use crate::diagnostics::DiagnosticCode;
use crate::pack::document::CountsAs;

/// Whether `text` is an absolute IRI: a scheme (`letter *(letter / digit / + - .)`), a colon and
/// something after it, with no whitespace.
pub(crate) fn is_absolute_iri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !text.chars().any(char::is_whitespace)
}

impl Checker<'_> {
    /// Cross-references, activity ids, `[xapi]` and `[credential]`.
    pub(super) fn links(&mut self, model: &Model) {
        let doc = self.doc;
        for (ci, comp) in doc.competency.iter().enumerate() {
            for (ri, reference) in comp.references.iter().enumerate() {
                if !is_absolute_iri(&reference.uri) {
                    self.error(
                        DiagnosticCode::InvalidUri,
                        format!("competency[{ci}].references[{ri}].uri"),
                        format!("`{}` is not an absolute URI", reference.uri),
                    );
                }
            }
        }
        // (activity, item position, activity position), to find an activity mapped twice.
        let mut mapped: Vec<(&str, usize, usize)> = Vec::new();
        let assessor = doc.xapi.as_ref().map(|x| x.assessor);
        for (ii, item) in doc.catalogue.iter().enumerate() {
            for (ai, activity) in item.activities.iter().enumerate() {
                let path = format!("catalogue[{ii}].activities[{ai}]");
                if !is_absolute_iri(activity) {
                    self.error(
                        DiagnosticCode::InvalidUri,
                        path.clone(),
                        format!("`{activity}` is not an absolute IRI (an xAPI activity id)"),
                    );
                }
                mapped.push((activity, ii, ai));
            }
            let kind = model
                .kind_index
                .get(&item.kind)
                .and_then(|k| model.kinds.get(k));
            if let (Some(role), Some(kind), false) = (assessor, kind, item.activities.is_empty())
                && !kind.assessors.contains(&role)
            {
                self.error(
                    DiagnosticCode::AssessorNotAccepted,
                    format!("catalogue[{ii}].activities"),
                    format!(
                        "statements are recorded as assessed by `{}` (xapi.assessor), which `{}` items do not accept",
                        role.id(),
                        kind.id
                    ),
                );
            }
        }
        crate::sorting::sort(&mut mapped);
        for pair in mapped.windows(2) {
            if let [(activity, first, _), (same, ii, ai)] = pair
                && activity == same
            {
                let other = doc.catalogue.get(*first).map_or("", |i| i.id.as_str());
                self.error(
                    DiagnosticCode::DuplicateActivity,
                    format!("catalogue[{ii}].activities[{ai}]"),
                    format!("activity `{activity}` is already mapped to `{other}`"),
                );
            }
        }
        if doc.credential.as_ref().and_then(|c| c.valid_months) == Some(0) {
            self.error(
                DiagnosticCode::OutOfRange,
                "credential.valid_months",
                "must be at least 1 (leave it out for no expiry)",
            );
        }
    }
}

impl Checker<'_> {
    /// `[equivalency] waiver_kind`: an equivalency kind that counts as catalogue items, and
    /// accepts the xAPI assessor when the pack reads statements.
    pub(super) fn waiver_kind(&mut self, model: &Model) -> Option<usize> {
        let doc = self.doc;
        let waiver = doc.equivalency.waiver_kind.as_ref()?;
        let path = "equivalency.waiver_kind";
        let found = self.resolve(
            &model.kind_index,
            "evidence_kind",
            "evidence kind",
            waiver,
            path.to_owned(),
        )?;
        let kind = model.kinds.get(found)?;
        if kind.counts_as != CountsAs::CatalogueItem || !kind.equivalency {
            self.error(
                DiagnosticCode::WrongKind,
                path,
                format!("`{waiver}` must count as catalogue_item with equivalency = true"),
            );
            return None;
        }
        if let Some(xapi) = &doc.xapi
            && !kind.assessors.contains(&xapi.assessor)
        {
            self.error(
                DiagnosticCode::AssessorNotAccepted,
                path,
                format!(
                    "cmi5 waivers are recorded as assessed by `{}` (xapi.assessor), which `{waiver}` items do not accept",
                    xapi.assessor.id()
                ),
            );
        }
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::is_absolute_iri;

    #[test]
    fn absolute_iris_need_a_scheme_and_no_spaces() {
        for good in [
            "https://example.org/a",
            "urn:uuid:1234",
            "tag:adlnet.gov,2013:expapi:0.9:activities:x",
            "mailto:a@b.c",
        ] {
            assert!(is_absolute_iri(good), "{good}");
        }
        for bad in [
            "example.org/a",
            "1http://x",
            "http:",
            "https://example.org/a b",
            "",
            ":x",
        ] {
            assert!(!is_absolute_iri(bad), "{bad}");
        }
    }
}
