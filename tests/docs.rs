//! Generated documentation is current: `docs/messages.md` is written from the engine's code
//! tables (messages and labels with their English and French templates and placeholders,
//! diagnostic codes, failure codes). After changing a table, regenerate it with
//! `UPDATE_DOCS=1 cargo test --all-features --test docs` and review the diff.
#![cfg(all(feature = "interop", feature = "planning"))] // the statement messages' templates are in the interop build only; the plan labels in the planning build

use competency_rules::FailureCode;
use competency_rules::diagnostics::DiagnosticCode;
use competency_rules::messages::{
    CohortLabel, Label, Message, PlanLabel, ProblemLabel, placeholders,
};
use std::fmt::Write;

/// A table cell: pipes escaped, so a template cannot break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn template_rows(
    out: &mut String,
    rows: impl Iterator<Item = (&'static str, Option<(&'static str, &'static str)>)>,
) {
    out.push_str("| code | placeholders | English | French |\n|---|---|---|---|\n");
    for (code, templates) in rows {
        let (en, fr) = templates.unwrap_or_default();
        let names: Vec<String> = placeholders(en)
            .iter()
            .map(|p| format!("`{{{p}}}`"))
            .collect();
        let _ = writeln!(
            out,
            "| `{code}` | {} | {} | {} |",
            names.join(" "),
            cell(en),
            cell(fr)
        );
    }
}

fn messages_md() -> String {
    let mut out = String::from(
        "<!-- Generated from the engine's code tables by `tests/docs.rs`: do not edit by hand.\n     \
         Regenerate with `UPDATE_DOCS=1 cargo test --all-features --test docs`. -->\n\n\
         # Messages and codes\n\n\
         Every code the engine writes, from the tables in `src/messages/table.rs`, \
         `src/diagnostics.rs` and `src/ffi/failure.rs`.\n\n\
         ## Messages\n\n\
         The `reason.code` of a report's `not_counted`, `findings`, `requirements` and \
         `status_reason`. A pack can replace any template in any of its languages, and must give \
         every one for a language other than English and French:\n\n\
         ```toml\n[messages.fr]\nbelow_min_grade = \"Note de {grade} : le minimum est {min_grade}.\"\n```\n\n\
         A template may use the placeholders listed for its code (an unknown one is a warning, \
         `unknown_placeholder`; an unknown code is an error, `unknown_message`, with the nearest \
         code). Placeholders that name a pack thing (`competency`, `kind`, `expected_kind`, `item`, \
         `level`, `max_level`, `topic`) are shown by name in the reader's language. The \
         `statement_*` messages explain xAPI statements that did not become evidence.\n\n",
    );
    template_rows(
        &mut out,
        Message::ALL.iter().map(|m| (m.code(), m.templates())),
    );
    out.push_str(
        "\n## Labels\n\n\
         The headings and names of the text explanation (`evaluate --format text`). A pack \
         overrides them like messages.\n\n",
    );
    template_rows(
        &mut out,
        Label::ALL.iter().map(|l| (l.code(), l.templates())),
    );
    out.push_str(
        "\n## Plan labels\n\n\
         The headings and phrases of a plan's text (`plan --format text`). A pack overrides them \
         like messages; builds without the planner take a pack's `plan.*` overrides as given.\n\n",
    );
    template_rows(
        &mut out,
        PlanLabel::ALL.iter().map(|l| (l.code(), l.templates())),
    );
    out.push_str(
        "\n## Cohort labels\n\n\
         The headings and phrases of a cohort report's text and CSV (`cohort --format text|csv`). \
         A pack overrides them like messages.\n\n",
    );
    template_rows(
        &mut out,
        CohortLabel::ALL.iter().map(|l| (l.code(), l.templates())),
    );
    out.push_str(
        "\n## Evidence problem titles\n\n\
         The short title of each reason evidence did not count, where a cohort report counts them \
         (`cohort --format text|csv`): `problem.` and the reason's code. A pack overrides them \
         like messages.\n\n",
    );
    template_rows(
        &mut out,
        ProblemLabel::ALL.iter().map(|l| (l.code(), l.templates())),
    );
    out.push_str(
        "\n## Diagnostic codes\n\n\
         The `code` of each problem `check` (and `checkPack`) reports in a rule pack, with its \
         file, key path, line and column.\n\n| code | meaning |\n|---|---|\n",
    );
    for code in DiagnosticCode::ALL {
        let _ = writeln!(out, "| `{code}` | {} |", cell(code.meaning()));
    }
    out.push_str(
        "\n## Failure codes\n\n\
         The `code` of a failed call: the Rust `Failure`, and the npm package's errors (its \
         TypeScript type `FailureCode` is the union of these).\n\n| code | meaning |\n|---|---|\n",
    );
    for code in FailureCode::ALL {
        let _ = writeln!(out, "| `{code}` | {} |", cell(code.meaning()));
    }
    out
}

#[test]
fn messages_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/messages.md");
    let generated = messages_md();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/messages.md is not current: run `UPDATE_DOCS=1 cargo test --all-features --test docs`"
    );
}

#[test]
fn every_code_is_in_the_reference_once() {
    let doc = messages_md();
    let codes = Message::ALL
        .iter()
        .map(|m| m.code())
        .chain(Label::ALL.iter().map(|l| l.code()))
        .chain(PlanLabel::ALL.iter().map(|l| l.code()))
        .chain(CohortLabel::ALL.iter().map(|l| l.code()))
        .chain(ProblemLabel::ALL.iter().map(|l| l.code()))
        .chain(DiagnosticCode::ALL.iter().map(|d| d.code()))
        .chain(FailureCode::ALL.iter().map(|f| f.code()));
    for code in codes {
        let row = format!("| `{code}` |");
        // (Some codes are in two tables: `syntax` is a diagnostic and a failure.)
        assert!(doc.contains(&row), "{code} is missing");
    }
    // Every message has both templates in this build.
    for m in Message::ALL {
        let (en, fr) = m.templates().unwrap();
        assert!(doc.contains(&cell(en)) && doc.contains(&cell(fr)), "{m}");
    }
}
