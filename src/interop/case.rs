//! A pack's framework as a CASE 1.1 package (CFPackage): learning outcomes and competencies as
//! CFItems linked by `isChildOf` associations in pack order, and the proficiency expected at each
//! organizational level as one CFRubric per level: one criterion per required competency, whose
//! description names the expected level and whose levels are the scale's (each with its scale id
//! as `quality`, so that `import` gets the same ids back).
//!
//! Identifiers are UUID v5, derived from the pack id and each thing's id, so the same pack exports
//! the same identifiers on every run and in every version. CASE carries one language per package:
//! export once per language (the identifiers are the same in each).

use super::{ExportError, ExportOptions, check_lang, check_uri, text};
use crate::date::Date;
use crate::pack::Pack;
use crate::pack::document::{CompetencyDoc, PackDoc, ReferenceDoc, Relation};
use serde_json::{Value, json};
use uuid::Uuid;

/// Options of the CASE export.
#[derive(Debug, Clone)]
pub struct CaseOptions {
    /// Language and other shared options.
    pub export: ExportOptions,
    /// The `lastChangeDateTime` written on every record (the engine reads no clock).
    pub date: Date,
    /// The base of every record's URI, e.g. `https://case.example.org/ims/case/v1p0`; without one,
    /// URIs are `urn:uuid:` URNs.
    pub base_uri: Option<String>,
}

/// The key of the engine's data in CASE's `extensions` objects.
pub const EXTENSION: &str = "competencyRules";
/// What `CFDocument.extensions.competencyRules.format` says: the pack document follows.
pub const EXTENSION_FORMAT: &str = "competency-rules/pack@1";

/// The namespace of every identifier of a pack: UUID v5 of `urn:competency-rules:<pack id>` in
/// the URL namespace.
pub fn pack_namespace(pack_id: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        format!("urn:competency-rules:{pack_id}").as_bytes(),
    )
}

/// A CFItemType in the package's language (English, or French for a French package).
fn item_type(lang: &str, en: &'static str, fr: &'static str) -> &'static str {
    if lang == "fr" { fr } else { en }
}

/// The names of the scales the criteria of the rubric of organizational level `level` use.
fn rubric_scales(doc: &PackDoc, level: &crate::pack::document::LevelDoc, lang: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for comp in &doc.competency {
        let required = comp
            .expected
            .get(&level.id)
            .is_some_and(|c| c.expected() != crate::pack::document::NOT_REQUIRED);
        if let (true, Some(scale)) = (required, doc.scale.of(comp)) {
            let name = text(&scale.name, lang);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names.join(", ")
}

/// The identifier of a thing of a pack (`competency:ssm.systems_thinking`, `outcome:...`, `level:...`).
pub fn identifier(pack_id: &str, kind: &str, id: &str) -> Uuid {
    Uuid::new_v5(&pack_namespace(pack_id), format!("{kind}:{id}").as_bytes())
}

/// The URI `export_case` gives a record: `{base}/{collection}/{uuid}`, or `urn:uuid:{uuid}`.
pub fn record_uri(base: Option<&str>, collection: &str, uuid: &str) -> String {
    match base {
        Some(base) => format!("{}/{collection}/{uuid}", base.trim_end_matches('/')),
        None => format!("urn:uuid:{uuid}"),
    }
}

struct Writer<'a> {
    pack_id: &'a str,
    base: Option<&'a str>,
    stamp: String,
}

impl Writer<'_> {
    fn uuid(&self, kind: &str, id: &str) -> String {
        identifier(self.pack_id, kind, id).to_string()
    }

    fn uri(&self, collection: &str, uuid: &str) -> String {
        record_uri(self.base, collection, uuid)
    }

    fn link(&self, collection: &str, uuid: &str, title: &str) -> Value {
        json!({ "title": title, "identifier": uuid, "uri": self.uri(collection, uuid) })
    }

    /// A competency's cross-reference as an `exactMatchOf` or `isRelatedTo` association. The
    /// other item's identifier is the UUID in its URI when it has one, else a UUID v5 of the URI.
    fn reference(
        &self,
        comp_uuid: &str,
        comp_title: &str,
        comp_id: &str,
        index: usize,
        reference: &ReferenceDoc,
    ) -> Value {
        let kind = match reference.relation {
            Relation::ExactMatch => "exactMatchOf",
            Relation::Related => "isRelatedTo",
        };
        let association = self.uuid(
            "association",
            &format!("competency:{comp_id}:{kind}:{index}"),
        );
        let target = reference
            .uri
            .rsplit(['/', ':'])
            .next()
            .and_then(|tail| Uuid::parse_str(tail).ok())
            .unwrap_or_else(|| Uuid::new_v5(&Uuid::NAMESPACE_URL, reference.uri.as_bytes()));
        json!({
            "identifier": association,
            "uri": self.uri("CFAssociations", &association),
            "associationType": kind,
            "originNodeURI": self.link("CFItems", comp_uuid, comp_title),
            "destinationNodeURI": {
                "title": reference.title.as_deref().unwrap_or(&reference.uri),
                "identifier": target.to_string(),
                "uri": reference.uri,
            },
            "lastChangeDateTime": self.stamp,
        })
    }
}

/// The CASE 1.1 package of `pack`'s framework, in `options.export.lang`.
pub fn export_case(pack: &Pack, options: &CaseOptions) -> Result<Value, ExportError> {
    let lang = options.export.lang.as_str();
    check_lang(pack, lang)?;
    if let Some(base) = &options.base_uri {
        check_uri("base_uri", base)?;
    }
    let doc = pack.document();
    let w = Writer {
        pack_id: &doc.program.id,
        base: options.base_uri.as_deref(),
        stamp: format!("{}T00:00:00+00:00", options.date),
    };
    let title = text(&doc.program.name, lang);
    let doc_id = w.uuid("document", &doc.program.id);
    let mut document = json!({
        "identifier": doc_id,
        "uri": w.uri("CFDocuments", &doc_id),
        "creator": title,
        "title": title,
        "lastChangeDateTime": w.stamp,
        "language": lang,
        "version": doc.program.version,
        "caseVersion": "1.1",
        "frameworkType": "competency framework",
        "adoptionStatus": "Draft",
    });
    if let Some(map) = document.as_object_mut() {
        if let Some(d) = doc.program.description.as_ref() {
            map.insert("description".into(), Value::from(text(d, lang)));
        }
        if let Some(n) = doc.program.notice.as_ref() {
            map.insert("notes".into(), Value::from(text(n, lang)));
        }
        // What CASE has no place for (ids, the scale's descriptions, capstones, evidence kinds,
        // catalogue, requirements, progression, every language...) travels in CASE's extension
        // point: the whole pack document, which `import-case` restores (see the README, "CASE
        // round trip").
        let embedded = serde_json::to_value(doc).map_err(|e| ExportError::Write(e.to_string()))?;
        map.insert(
            "extensions".into(),
            json!({ EXTENSION: { "format": EXTENSION_FORMAT, "pack": embedded } }),
        );
    }
    let doc_link = w.link("CFDocuments", &doc_id, &title);

    let mut items = Vec::new();
    let mut associations = Vec::new();
    let child_of = |w: &Writer<'_>, child: (&str, &str, String), parent: Value, sequence: usize| {
        let (kind, id, child_title) = child;
        let child_uuid = w.uuid(kind, id);
        let association = w.uuid("association", &format!("{kind}:{id}:isChildOf"));
        json!({
            "identifier": association,
            "uri": w.uri("CFAssociations", &association),
            "associationType": "isChildOf",
            "sequenceNumber": sequence,
            "originNodeURI": w.link("CFItems", &child_uuid, &child_title),
            "destinationNodeURI": parent,
            "lastChangeDateTime": w.stamp,
        })
    };
    // A competency sits under its outcome, or under the document in a pack without outcomes.
    let competencies = |items: &mut Vec<Value>,
                        associations: &mut Vec<Value>,
                        parent: Value,
                        members: &mut dyn Iterator<Item = &CompetencyDoc>| {
        for (ci, comp) in members.enumerate() {
            let cuuid = w.uuid("competency", &comp.id);
            let cname = text(&comp.name, lang);
            items.push(json!({
                "identifier": cuuid,
                "uri": w.uri("CFItems", &cuuid),
                "fullStatement": cname,
                "humanCodingScheme": comp.id,
                "CFItemType": item_type(lang, "Competency", "Compétence"),
                "notes": text(&comp.description, lang),
                "language": lang,
                "lastChangeDateTime": w.stamp,
            }));
            associations.push(child_of(
                &w,
                ("competency", &comp.id, cname.clone()),
                parent.clone(),
                ci + 1,
            ));
            for (ri, reference) in comp.references.iter().enumerate() {
                associations.push(w.reference(&cuuid, &cname, &comp.id, ri, reference));
            }
        }
    };
    competencies(
        &mut items,
        &mut associations,
        doc_link.clone(),
        &mut doc.competency.iter().filter(|c| c.outcome.is_none()),
    );
    for (oi, outcome) in doc.outcome.iter().enumerate() {
        let uuid = w.uuid("outcome", &outcome.id);
        let name = text(&outcome.name, lang);
        let mut item = json!({
            "identifier": uuid,
            "uri": w.uri("CFItems", &uuid),
            "fullStatement": name,
            "humanCodingScheme": outcome.id,
            "CFItemType": item_type(lang, "Learning outcome", "Résultat d'apprentissage"),
            "language": lang,
            "lastChangeDateTime": w.stamp,
        });
        if let (Some(map), Some(d)) = (item.as_object_mut(), outcome.description.as_ref()) {
            map.insert("notes".into(), Value::from(text(d, lang)));
        }
        items.push(item);
        associations.push(child_of(
            &w,
            ("outcome", &outcome.id, name.clone()),
            doc_link.clone(),
            oi + 1,
        ));
        competencies(
            &mut items,
            &mut associations,
            w.link("CFItems", &uuid, &name),
            &mut doc
                .competency
                .iter()
                .filter(|c| c.outcome.as_deref() == Some(outcome.id.as_str())),
        );
    }

    // One rubric per organizational level: each required competency, with the scale's levels and
    // the one expected at that organizational level.
    let mut rubrics = Vec::new();
    for level in &doc.level {
        let rubric_id = w.uuid("rubric", &level.id);
        let mut criteria = Vec::new();
        for comp in &doc.competency {
            let Some(cell) = comp
                .expected
                .get(&level.id)
                .filter(|c| c.expected() != crate::pack::document::NOT_REQUIRED)
            else {
                continue;
            };
            let expected = cell.expected();
            // The levels of the competency's own scale.
            let scale = doc.scale.of(comp).map_or(&[][..], |s| s.level.as_slice());
            // What the competency looks like at this level: the cell's text on the expected
            // criterion level; the competency's own proficiency descriptions, else the scale's,
            // on the others.
            let cell_text = super::cell_text(pack, cell, lang);
            let criterion_id = w.uuid("criterion", &format!("{}:{}", level.id, comp.id));
            let expected_name = scale
                .iter()
                .find(|s| s.id == expected)
                .map(|s| text(&s.name, lang))
                .unwrap_or_default();
            let levels: Vec<Value> = scale
                .iter()
                .enumerate()
                .map(|(rank, s)| {
                    let level_id = w.uuid(
                        "criterion-level",
                        &format!("{}:{}:{}", level.id, comp.id, s.id),
                    );
                    let mut value = json!({
                        "identifier": level_id,
                        "uri": w.uri("CFRubricCriterionLevels", &level_id),
                        "description": text(&s.name, lang),
                        // The scale level's id, so an import gets the same ids back.
                        "quality": s.id,
                        "score": rank + 1,
                        "position": rank + 1,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": w.stamp,
                    });
                    let feedback = match (&cell_text, comp.proficiency.get(&s.id)) {
                        (Some(cell), _) if s.id == expected => Some(cell.clone()),
                        (_, Some(own)) => Some(text(own, lang)),
                        _ => s.description.as_ref().map(|d| text(d, lang)),
                    };
                    if let (Some(map), Some(feedback)) = (value.as_object_mut(), feedback) {
                        map.insert("feedback".into(), Value::from(feedback));
                    }
                    value
                })
                .collect();
            let comp_uuid = w.uuid("competency", &comp.id);
            criteria.push(json!({
                "identifier": criterion_id,
                "uri": w.uri("CFRubricCriteria", &criterion_id),
                "category": comp.id,
                "description": expected_name,
                "CFItemURI": w.link("CFItems", &comp_uuid, &text(&comp.name, lang)),
                "position": criteria.len() + 1,
                "rubricId": rubric_id,
                "CFRubricCriterionLevels": levels,
                "lastChangeDateTime": w.stamp,
            }));
        }
        rubrics.push(json!({
            "identifier": rubric_id,
            "uri": w.uri("CFRubrics", &rubric_id),
            "title": text(&level.name, lang),
            // The organizational level's id, so an import gets it back.
            "extensions": { EXTENSION: { "level": level.id } },
            // The scale(s) its criteria are rated on.
            "description": rubric_scales(doc, level, lang),
            "CFRubricCriteria": criteria,
            "lastChangeDateTime": w.stamp,
        }));
    }

    Ok(json!({
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFRubrics": rubrics,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(lang: &str) -> CaseOptions {
        CaseOptions {
            export: ExportOptions { lang: lang.into() },
            date: "2026-11-24".parse().unwrap(),
            base_uri: None,
        }
    }

    #[test]
    fn identifiers_are_stable_uuid_v5() {
        let a = identifier("hslp", "competency", "ssm.systems_thinking");
        assert_eq!(a, identifier("hslp", "competency", "ssm.systems_thinking"));
        assert_ne!(a, identifier("other", "competency", "ssm.systems_thinking"));
        assert_eq!(a.get_version_num(), 5);
    }

    #[test]
    fn the_hslp_framework_exports_with_its_hierarchy() {
        let pack = Pack::hslp().unwrap();
        let case = export_case(&pack, &options("fr")).unwrap();
        let items = case["CFItems"].as_array().unwrap();
        assert_eq!(items.len(), 5 + pack.document().competency.len());
        assert_eq!(case["CFDocument"]["language"], "fr");
        assert_eq!(
            case["CFDocument"]["title"],
            "Programme de leadership en services à la personne"
        );
        let associations = case["CFAssociations"].as_array().unwrap();
        assert_eq!(associations.len(), items.len());
        assert!(
            associations
                .iter()
                .all(|a| a["associationType"] == "isChildOf")
        );
        // Systems thinking is the first child of service system management.
        let st = identifier("hslp", "competency", "ssm.systems_thinking").to_string();
        let link = associations
            .iter()
            .find(|a| a["originNodeURI"]["identifier"] == st.as_str())
            .unwrap();
        assert_eq!(link["sequenceNumber"], 1);
        assert_eq!(
            link["destinationNodeURI"]["identifier"],
            identifier("hslp", "outcome", "service_system_management").to_string()
        );
        // One rubric per organizational level; the expected level is marked.
        let rubrics = case["CFRubrics"].as_array().unwrap();
        assert_eq!(rubrics.len(), 4);
        let front_line = &rubrics[0]["CFRubricCriteria"];
        let criterion = front_line
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["category"] == "ssm.systems_thinking")
            .unwrap();
        // The criterion names the expected level; each level carries its scale id.
        assert_eq!(criterion["description"], "Sensibilisation");
        let levels = criterion["CFRubricCriterionLevels"].as_array().unwrap();
        assert_eq!(levels[0]["quality"], "awareness");
        assert_eq!(levels[0]["description"], "Sensibilisation");
    }

    #[test]
    fn the_export_is_deterministic_and_the_same_across_languages() {
        let pack = Pack::hslp().unwrap();
        let en = export_case(&pack, &options("en")).unwrap();
        assert_eq!(en, export_case(&pack, &options("en")).unwrap());
        let fr = export_case(&pack, &options("fr")).unwrap();
        assert_eq!(
            en["CFItems"][3]["identifier"],
            fr["CFItems"][3]["identifier"]
        );
        assert!(matches!(
            export_case(&pack, &options("de")),
            Err(ExportError::UnknownLanguage { .. })
        ));
    }
}
