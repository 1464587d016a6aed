//! A pack's framework as the CSV that Moodle's competency framework importer (`tool_lpimportcsv`)
//! reads: one row for the framework (with the proficiency scale), one per learning outcome, and one
//! per competency under its outcome. Moodle reads the columns by position; the header row names them.

use super::{ExportError, ExportOptions, check_lang, text};
use crate::pack::Pack;
use crate::pack::document::{CellDoc, NOT_REQUIRED, PackDoc};

/// The columns, in the order Moodle's importer reads them.
pub const HEADER: [&str; 14] = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
];

/// Moodle's `FORMAT_PLAIN`: descriptions are plain text.
const PLAIN_TEXT: &str = "2";

/// Moodle limits short names and ID numbers to 100 characters.
fn shorten(text: &str) -> String {
    text.chars().take(100).collect()
}

/// Scale `si` as Moodle's scale columns: its values (Moodle separates them with commas; a comma
/// inside a level's name becomes a semicolon) and its configuration, in which every level at or
/// above the lowest level any competency on the scale expects counts as proficient.
fn scale_columns(doc: &PackDoc, si: usize, lang: &str) -> (String, String) {
    let Some(scale) = doc.scale.all().get(si) else {
        return Default::default();
    };
    let values: Vec<String> = scale
        .level
        .iter()
        .map(|l| text(&l.name, lang).replace(',', ";"))
        .collect();
    let lowest_expected = doc
        .competency
        .iter()
        .filter(|c| doc.scale.of(c).is_some_and(|s| s.id == scale.id))
        .flat_map(|c| c.expected.values())
        .map(CellDoc::expected)
        .filter(|e| *e != NOT_REQUIRED)
        .filter_map(|e| scale.level.iter().position(|l| l.id == e))
        .min()
        .unwrap_or(0);
    let mut configuration = vec![serde_json::json!({ "scaleid": "1" })];
    for (index, _) in scale.level.iter().enumerate() {
        configuration.push(serde_json::json!({
            "id": index + 1,
            "scaledefault": u8::from(index == 0),
            "proficient": u8::from(index >= lowest_expected),
        }));
    }
    (
        values.join(","),
        serde_json::Value::Array(configuration).to_string(),
    )
}

/// A competency row: under `parent` (empty for the top level), exported under its own id.
fn node_row<'a>(
    parent: &'a str,
    id: &'a str,
    name: &'a str,
    description: &'a str,
) -> [&'a str; 14] {
    [
        parent,
        id,
        name,
        description,
        PLAIN_TEXT,
        "",
        "",
        "",
        "0",
        "",
        "",
        id,
        "",
        "",
    ]
}

/// The framework of `pack` as Moodle competency-framework CSV, in `options.lang`.
pub fn export_moodle(pack: &Pack, options: &ExportOptions) -> Result<String, ExportError> {
    let lang = options.lang.as_str();
    check_lang(pack, lang)?;
    let doc = pack.document();
    // The framework carries the default scale; a competency on another scale carries its own.
    let scale_columns: Vec<(String, String)> = (0..doc.scale.all().len())
        .map(|si| scale_columns(doc, si, lang))
        .collect();
    let (values, scale_configuration) = scale_columns.first().cloned().unwrap_or_default();

    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: [&str; 14]| {
        out.write_record(row)
            .map_err(|e| ExportError::Write(e.to_string()))
    };
    write(&mut out, HEADER)?;
    let name = shorten(&text(&doc.program.name, lang));
    let optional = |t: &Option<crate::pack::document::Text>| {
        t.as_ref().map(|d| text(d, lang)).unwrap_or_default()
    };
    let description = optional(&doc.program.description);
    write(
        &mut out,
        [
            "",
            &shorten(&doc.program.id),
            &name,
            &description,
            PLAIN_TEXT,
            &values,
            &scale_configuration,
            "",
            "",
            "",
            "",
            "",
            "1",
            // (Moodle's taxonomy of the framework's levels: outcomes, then competencies.)
            if doc.outcome.is_empty() {
                "competency"
            } else {
                "outcome,competency"
            },
        ],
    )?;
    // Outcomes are top-level competencies; each competency sits under its outcome (or at the top,
    // in a pack without outcomes).
    let groups = std::iter::once(None).chain(doc.outcome.iter().map(Some));
    for outcome in groups {
        let id = outcome.map(|o| shorten(&o.id)).unwrap_or_default();
        if let Some(outcome) = outcome {
            let description = optional(&outcome.description);
            write(
                &mut out,
                node_row("", &id, &shorten(&text(&outcome.name, lang)), &description),
            )?;
        }
        let members = doc
            .competency
            .iter()
            .filter(|c| c.outcome.as_deref() == outcome.map(|o| o.id.as_str()));
        for comp in members {
            let (cid, name) = (shorten(&comp.id), shorten(&text(&comp.name, lang)));
            // The description, then what the competency looks like at each organizational level
            // whose cell describes it (Moodle has one description per competency).
            let mut description = text(&comp.description, lang);
            // Each described cell under its organizational level and the proficiency expected
            // there; then what each proficiency level means for this competency.
            let colon = crate::messages::colon(lang);
            let scale = doc.scale.of(comp);
            let level_name = |id: &str| {
                scale
                    .and_then(|s| s.level.iter().find(|l| l.id == id))
                    .map_or_else(|| id.to_owned(), |l| text(&l.name, lang))
            };
            for level in &doc.level {
                let Some(cell) = comp.expected.get(&level.id) else {
                    continue;
                };
                if let Some(cell_text) = super::cell_text(pack, cell, lang) {
                    description.push_str(&format!(
                        "\n\n{} ({}){colon}\n{cell_text}",
                        text(&level.name, lang),
                        level_name(cell.expected())
                    ));
                }
            }
            for level in scale.map_or(&[][..], |s| s.level.as_slice()) {
                if let Some(own) = comp.proficiency.get(&level.id) {
                    description.push_str(&format!(
                        "\n\n{}{colon}\n{}",
                        text(&level.name, lang),
                        text(own, lang)
                    ));
                }
            }
            let mut row = node_row(&id, &cid, &name, &description);
            let own = doc
                .scale
                .all()
                .iter()
                .position(|s| Some(&s.id) == comp.scale.as_ref())
                .filter(|si| *si > 0)
                .and_then(|si| scale_columns.get(si));
            if let (Some((values, configuration)), [.., v, c, _, _, _, _, _, _, _]) =
                (own, &mut row)
            {
                *v = values;
                *c = configuration;
            }
            write(&mut out, row)?;
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Write(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hslp_framework_as_moodle_csv() {
        let pack = Pack::hslp().unwrap();
        let csv_text = export_moodle(&pack, &ExportOptions { lang: "en".into() }).unwrap();
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(reader.headers().unwrap().len(), 14);
        assert_eq!(rows.len(), 1 + 5 + pack.document().competency.len());
        let framework = &rows[0];
        assert_eq!(
            (&framework[1], &framework[12], &framework[13]),
            ("hslp", "1", "outcome,competency")
        );
        assert_eq!(
            &framework[5],
            "Awareness,Working knowledge,Proficient,Advanced"
        );
        let config: serde_json::Value = serde_json::from_str(&framework[6]).unwrap();
        assert_eq!(config.as_array().unwrap().len(), 5);
        // A competency sits under its outcome.
        let st = rows
            .iter()
            .find(|r| &r[1] == "ssm.systems_thinking")
            .unwrap();
        assert_eq!(
            (&st[0], &st[2]),
            ("service_system_management", "Systems thinking")
        );
        // Its description carries what it looks like at each level whose cell describes it.
        let description = &st[3];
        assert!(
            description.starts_with("Sees how programs"),
            "{description}"
        );
        assert!(
            description.contains(
                "\n\nSupervisors and team leads (Working knowledge):\nConnects the team's work"
            ),
            "{description}"
        );
        assert!(
            description.contains("Effective behaviours:\n- Maps the referrals"),
            "{description}"
        );
        // And what each proficiency level means for it, where the pack says.
        assert!(
            description.contains("\n\nAwareness:\nNames the main services"),
            "{description}"
        );
        // Every parent exists before its children, as Moodle needs.
        let position = |id: &str| rows.iter().position(|r| &r[1] == id);
        for row in &rows[1..] {
            if !row[0].is_empty() {
                assert!(position(&row[0]) < position(&row[1]));
            }
        }
    }

    #[test]
    fn french_names_and_unknown_languages() {
        let pack = Pack::hslp().unwrap();
        let fr = export_moodle(&pack, &ExportOptions { lang: "fr".into() }).unwrap();
        assert!(fr.contains("Pensée systémique"));
        assert!(export_moodle(&pack, &ExportOptions { lang: "xx".into() }).is_err());
    }
}
