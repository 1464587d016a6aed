//! A cohort report for people: one tidy CSV table (a row per count, the view it belongs to in
//! its first column, what it counts named in the chosen language) for program analysts'
//! spreadsheets, and a readable text summary, in English or French.

use super::{CohortGroup, CohortReport, Count};
use crate::messages::{CohortLabel, render};
use crate::pack::{Named, Pack};

/// The words of one language: the explanation's (the pack's messages and names, the language
/// chosen as `explain` chooses it), and the cohort's labels.
struct Words<'p>(crate::explain::Words<'p>);

impl<'p> Words<'p> {
    fn new(pack: &'p Pack, lang: &str) -> Self {
        Words(crate::explain::Words::new(pack, lang))
    }

    /// Template `code` with `params` (given as they are: no name is looked up).
    fn say(&self, code: &str, params: &[(&str, String)]) -> String {
        let lang = &self.0.lang;
        let template = self.0.pack.message(code, lang).unwrap_or(code);
        render(template, lang, |name| {
            params
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        })
    }

    fn label(&self, label: CohortLabel, params: &[(&str, String)]) -> String {
        self.say(label.code(), params)
    }

    fn name(&self, what: Named, id: &str) -> String {
        self.0.name(what, id)
    }

    /// `label (count)`.
    fn counted(&self, label: &str, count: Count) -> String {
        let params = [("label", label.to_owned()), ("count", self.count(count))];
        self.label(CohortLabel::Count, &params)
    }

    /// A count as text: the number, or "suppressed".
    fn count(&self, count: Count) -> String {
        count.map_or_else(
            || self.label(CohortLabel::Suppressed, &[]),
            |n| n.to_string(),
        )
    }

    /// The short title of a reason evidence did not count (its code where it has none).
    fn problem(&self, code: &str) -> String {
        let key = format!("problem.{code}");
        match self.0.pack.message(&key, &self.0.lang) {
            Some(title) => title.to_owned(),
            None => code.to_owned(),
        }
    }

    fn status(&self, status: &str) -> String {
        self.say(&format!("status.{status}"), &[])
    }

    /// The name of an organizational level, or "none".
    fn level(&self, id: &str) -> String {
        if id == "none" {
            self.label(CohortLabel::None, &[])
        } else {
            self.0.level(id)
        }
    }
}

/// How many blockers per next level the text shows.
const TOP_BLOCKERS: usize = 5;

/// The columns of the CSV table.
pub const CSV_COLUMNS: [&str; 9] = [
    "view",
    "group_by",
    "group",
    "level",
    "item",
    "label",
    "measure",
    "value",
    "suppressed",
];

/// The report as one CSV table (see the module documentation); names in `lang` (one of the
/// pack's languages, else its first).
pub fn to_csv(pack: &Pack, report: &CohortReport, lang: &str) -> String {
    let w = Words::new(pack, lang);
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // (Writing to a Vec cannot fail.)
    let _ = out.write_record(CSV_COLUMNS);
    let mut row = |cells: [&str; 7], value: Count| {
        let (text, suppressed) = match value {
            Some(n) => (n.to_string(), "no"),
            None => (String::new(), "yes"),
        };
        let [view, by, group, level, item, label, measure] = cells;
        let _ = out.write_record([
            view, by, group, level, item, label, measure, &text, suppressed,
        ]);
    };
    row(
        ["participants", "all", "all", "", "", "", "count"],
        report.participants,
    );
    for g in &report.groups {
        let at = |view: &'static str| [view, g.by, g.id.as_str()];
        if g.by != "all" {
            let [v, b, i] = at("participants");
            row([v, b, i, "", "", "", "count"], g.participants);
        }
        for (status, n) in &g.status {
            let [v, b, i] = at("status");
            row(
                [v, b, i, "", status.id(), &w.status(status.id()), "count"],
                *n,
            );
        }
        for (level, n) in &g.level_attained {
            let [v, b, i] = at("level_attained");
            row([v, b, i, "", level, &w.level(level), "count"], *n);
        }
        let [v, b, i] = at("near_time_limit");
        let near = w.label(
            CohortLabel::NearTimeLimit,
            &[
                ("days", report.options.near_days.to_string()),
                ("count", String::new()),
            ],
        );
        row(
            [
                v,
                b,
                i,
                "",
                "",
                near.trim_end_matches([':', ' ', '\u{a0}']),
                "count",
            ],
            g.near_time_limit,
        );
        for (bucket, label, count) in buckets(&w, report, g) {
            let [v, b, i] = at("readiness");
            row([v, b, i, "", bucket, &label, "count"], count);
        }
        for bench in &g.bench {
            let [v, b, i] = at("bench");
            let name = w.level(&bench.level);
            row(
                [v, b, i, &bench.level, "ready_now", &name, "count"],
                bench.ready_now,
            );
            row(
                [v, b, i, &bench.level, "ready_soon", &name, "count"],
                bench.ready_soon,
            );
        }
    }
    for gap in &report.gaps {
        let name = w.name(Named::Competency, &gap.competency);
        for (measure, value) in [
            ("required", gap.required),
            ("met", gap.met),
            ("pending_review", gap.pending_review),
            ("lacking", gap.lacking),
            ("met_percent", gap.met_percent.map(u64::from)),
        ] {
            row(
                [
                    "gaps",
                    "level",
                    &gap.level,
                    &gap.level,
                    &gap.competency,
                    &name,
                    measure,
                ],
                value,
            );
        }
    }
    for b in &report.blockers {
        let name = w.name(Named::Competency, &b.competency);
        row(
            [
                "blockers",
                "all",
                "all",
                &b.level,
                &b.competency,
                &name,
                "count",
            ],
            b.count,
        );
    }
    for p in &report.evidence_problems {
        let title = w.problem(p.code.code());
        let code = p.code.code();
        row(
            ["evidence_problems", "all", "all", "", code, &title, "count"],
            p.count,
        );
    }
    row(
        ["unreadable", "all", "all", "", "", "", "count"],
        Some(report.unreadable.count),
    );
    for (code, n) in &report.unreadable.by_code {
        row(
            [
                "unreadable",
                "all",
                "all",
                "",
                code.code(),
                code.code(),
                "count",
            ],
            Some(*n),
        );
    }
    let bytes = out.into_inner().unwrap_or_default();
    // A byte-order mark first: spreadsheets (Excel) read the file as UTF-8 only with one.
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// The readiness buckets of `g`: id, label, count.
fn buckets(
    w: &Words<'_>,
    report: &CohortReport,
    g: &CohortGroup,
) -> [(&'static str, String, Count); 4] {
    let within = report.options.ready_within.to_string();
    let r = &g.readiness;
    [
        (
            "ready_now",
            w.label(CohortLabel::ReadyNow, &[]),
            r.ready_now.count,
        ),
        (
            "ready_soon",
            w.label(CohortLabel::ReadySoon, &[("count", within)]),
            r.ready_soon.count,
        ),
        (
            "developing",
            w.label(CohortLabel::Developing, &[]),
            r.developing.count,
        ),
        (
            "top_level",
            w.label(CohortLabel::TopLevel, &[]),
            r.top_level.count,
        ),
    ]
}

/// The report as readable text in `lang` (one of the pack's languages, else its first).
pub fn to_text(pack: &Pack, report: &CohortReport, lang: &str) -> String {
    let w = Words::new(pack, lang);
    let colon = w.0.colon();
    let mut out = String::new();
    let mut line = |indent: usize, text: &str| {
        out.push_str(&"  ".repeat(indent));
        out.push_str(text);
        out.push('\n');
    };
    line(
        0,
        &w.label(CohortLabel::Title, &[("as_of", report.as_of.to_string())]),
    );
    let participants =
        |count: Count| w.label(CohortLabel::Participants, &[("count", w.count(count))]);
    line(0, &participants(report.participants));
    if report.unreadable.count > 0 {
        let n = report.unreadable.count.to_string();
        line(0, &w.label(CohortLabel::Unreadable, &[("count", n)]));
    }
    if let Some(hidden) = report.suppressed {
        let params = [
            ("min", report.options.min_cell.to_string()),
            ("count", hidden.to_string()),
        ];
        line(0, &w.label(CohortLabel::SuppressionNote, &params));
    }
    for g in &report.groups {
        line(0, "");
        let title = match g.by {
            "all" => w.label(CohortLabel::Whole, &[]),
            "organization" => w.label(CohortLabel::Organization, &[("id", g.id.clone())]),
            _ => w.level(&g.id),
        };
        line(0, &format!("{title} ({})", participants(g.participants)));
        let status: Vec<String> = g
            .status
            .iter()
            .map(|(s, n)| w.counted(&w.status(s.id()), *n))
            .collect();
        line(
            1,
            &format!("{}{colon}{}", w.say("label.status", &[]), status.join(", ")),
        );
        let attained: Vec<String> = g
            .level_attained
            .iter()
            .map(|(l, n)| w.counted(&w.level(l), *n))
            .collect();
        line(
            1,
            &format!(
                "{}{colon}{}",
                w.say("label.level_attained", &[]),
                attained.join(", ")
            ),
        );
        line(
            1,
            &w.label(
                CohortLabel::NearTimeLimit,
                &[
                    ("days", report.options.near_days.to_string()),
                    ("count", w.count(g.near_time_limit)),
                ],
            ),
        );
        let readiness: Vec<String> = buckets(&w, report, g)
            .into_iter()
            .map(|(_, label, n)| w.counted(&label, n))
            .collect();
        line(
            1,
            &format!(
                "{}{colon}{}",
                w.label(CohortLabel::Readiness, &[]),
                readiness.join(", ")
            ),
        );
        for b in &g.bench {
            let params = [
                ("level", w.level(&b.level)),
                ("ready_now", w.count(b.ready_now)),
                ("ready_soon", w.count(b.ready_soon)),
            ];
            line(2, &w.label(CohortLabel::Bench, &params));
        }
    }
    if !report.gaps.is_empty() {
        line(0, "");
        line(0, &w.label(CohortLabel::Gaps, &[]));
        let mut level = None;
        for gap in &report.gaps {
            if level != Some(&gap.level) {
                line(1, &w.level(&gap.level));
                level = Some(&gap.level);
            }
            let percent = gap
                .met_percent
                .map(|p| w.label(CohortLabel::Percent, &[("percent", p.to_string())]));
            let row = if percent.is_some() {
                CohortLabel::GapRow
            } else {
                CohortLabel::GapRowSuppressed
            };
            let params = [
                ("competency", w.name(Named::Competency, &gap.competency)),
                ("met", w.count(gap.met)),
                ("pending", w.count(gap.pending_review)),
                ("lacking", w.count(gap.lacking)),
                ("required", w.count(gap.required)),
                ("percent", percent.unwrap_or_default()),
            ];
            line(2, &w.label(row, &params));
        }
    }
    if !report.blockers.is_empty() {
        line(0, "");
        line(0, &w.label(CohortLabel::Blockers, &[]));
        // The five most frequent for each next level, in pack order (the JSON and CSV have all).
        for level in &pack.document().level {
            // (A suppressed count says nothing of how often: those are left out here.)
            let mut top = report
                .blockers
                .iter()
                .filter(|b| *b.level == *level.id && b.count.is_some())
                .take(TOP_BLOCKERS)
                .peekable();
            if top.peek().is_none() {
                continue;
            }
            line(
                1,
                &w.label(CohortLabel::Toward, &[("level", w.level(&level.id))]),
            );
            for b in top {
                let name = w.name(Named::Competency, &b.competency);
                line(2, &w.counted(&name, b.count));
            }
        }
    }
    if !report.evidence_problems.is_empty() {
        line(0, "");
        line(0, &w.label(CohortLabel::Problems, &[]));
        for p in report
            .evidence_problems
            .iter()
            .filter(|p| p.count.is_some())
        {
            line(1, &w.counted(&w.problem(p.code.code()), p.count));
        }
    }
    out
}
