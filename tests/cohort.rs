//! Cohort reports: that every count equals what the participants' own reports say (generated
//! cohorts of every kind: completions, lapses, near the next level, evidence problems); that any
//! order gives the same bytes; that the aggregate-only form carries no id and lets no suppressed
//! count be worked out from a total; that unreadable documents are counted and listed without
//! stopping the run; and the command line's JSON, CSV and text, in English and French.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] functions should fail loudly on bad fixtures"
)]

#[path = "../benches/support/cohort_gen.rs"]
mod cohort_gen;

use competency_rules::cohort::{Cohort, CohortOptions, CohortReport, Count, Member, cohort};
use competency_rules::report::{CompetencyState, Status};
use competency_rules::{Date, Pack, Participant, Report, evaluate};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::process::Command;

fn as_of() -> Date {
    "2026-11-24".parse().unwrap()
}

/// `count` generated participants of cohort `seed`.
fn generated(pack: &Pack, seed: u64, count: u64) -> Vec<Participant> {
    let material = cohort_gen::Material::of(pack);
    (0..count)
        .map(|i| {
            let doc = cohort_gen::participant(&material, seed, i, 6 + (i as usize % 15));
            Participant::from_json(&doc.to_string()).unwrap()
        })
        .collect()
}

/// What one group should count, from the explained reports.
#[derive(Debug, Default, PartialEq, Eq)]
struct Expected {
    participants: u64,
    status: BTreeMap<String, u64>,
    attained: BTreeMap<String, u64>,
    near: u64,
    buckets: BTreeMap<&'static str, Vec<String>>,
    bench: BTreeMap<(String, &'static str), u64>,
    completed: Vec<String>,
    lapsed: Vec<String>,
}

fn bucket(report: &Report, within: usize) -> &'static str {
    match &report.next_level {
        None => "top_level",
        Some(n) if n.ready => "ready_now",
        Some(n) if n.missing.len() <= within => "ready_soon",
        Some(_) => "developing",
    }
}

fn near(report: &Report, days: i64) -> bool {
    if matches!(report.status, Status::Completed | Status::Lapsed) {
        return false;
    }
    let Some(deadline) = report
        .requirement("time_limit")
        .and_then(|r| r.reason.params.get("deadline"))
    else {
        return false;
    };
    let deadline: Date = deadline.parse().unwrap();
    (0..=days).contains(&report.as_of.days_until(deadline))
}

fn count_into(e: &mut Expected, report: &Report) {
    e.participants += 1;
    *e.status.entry(report.status.id().to_owned()).or_default() += 1;
    let attained = report.level_attained.as_deref().unwrap_or("none");
    *e.attained.entry(attained.to_owned()).or_default() += 1;
    if near(report, 90) {
        e.near += 1;
    }
    let b = bucket(report, 2);
    e.buckets
        .entry(b)
        .or_default()
        .push(report.participant.clone());
    if let Some(next) = &report.next_level
        && matches!(b, "ready_now" | "ready_soon")
    {
        *e.bench.entry((next.level.to_string(), b)).or_default() += 1;
    }
    match report.status {
        Status::Completed => e.completed.push(report.participant.clone()),
        Status::Lapsed => e.lapsed.push(report.participant.clone()),
        _ => {}
    }
}

/// The same facts, read from the cohort report's group.
fn observed(report: &CohortReport, by: &str, id: &str) -> Expected {
    let g = report.group(by, id).unwrap();
    let n = |c: Count| c.unwrap();
    let mut e = Expected {
        participants: n(g.participants),
        near: n(g.near_time_limit),
        ..Expected::default()
    };
    for (s, c) in &g.status {
        if n(*c) > 0 {
            e.status.insert(s.id().to_owned(), n(*c));
        }
    }
    for (l, c) in &g.level_attained {
        if n(*c) > 0 {
            e.attained.insert(l.to_string(), n(*c));
        }
    }
    let r = &g.readiness;
    for (name, b) in [
        ("ready_now", &r.ready_now),
        ("ready_soon", &r.ready_soon),
        ("developing", &r.developing),
        ("top_level", &r.top_level),
    ] {
        let ids: Vec<String> = b
            .participants
            .clone()
            .unwrap()
            .iter()
            .map(|i| i.to_string())
            .collect();
        assert_eq!(ids.len() as u64, n(b.count), "{by} {id} {name}");
        if !ids.is_empty() {
            e.buckets.insert(name, ids);
        }
    }
    for bench in &g.bench {
        for (name, c) in [
            ("ready_now", bench.ready_now),
            ("ready_soon", bench.ready_soon),
        ] {
            if n(c) > 0 {
                e.bench.insert((bench.level.to_string(), name), n(c));
            }
        }
    }
    let people = g.people.clone().unwrap();
    let strings = |ids: Vec<std::sync::Arc<str>>| ids.iter().map(|i| i.to_string()).collect();
    e.completed = strings(people.completed);
    e.lapsed = strings(people.lapsed);
    e
}

fn check_against_reports(pack: &Pack, participants: &[Participant]) {
    let report = cohort(pack, participants, as_of(), &CohortOptions::default());
    let reports: Vec<Report> = participants
        .iter()
        .map(|p| evaluate(pack, p, as_of()).unwrap())
        .collect();
    let mut groups: BTreeMap<(&str, String), Expected> = BTreeMap::new();
    let mut gaps: BTreeMap<(String, String), [u64; 4]> = BTreeMap::new();
    let mut blockers: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut problems: BTreeMap<String, u64> = BTreeMap::new();
    for (p, r) in participants.iter().zip(&reports) {
        let level = pack.org_level(&p.level).unwrap().to_owned();
        for key in [
            ("all", "all".to_owned()),
            ("organization", p.organization.clone()),
            ("level", level.clone()),
        ] {
            count_into(groups.entry(key).or_default(), r);
        }
        for c in &r.competencies {
            if c.required.is_none() {
                continue;
            }
            let row = gaps.entry((level.clone(), c.id.to_string())).or_default();
            row[0] += 1;
            match c.state {
                CompetencyState::Met => row[1] += 1,
                CompetencyState::PendingReview => row[2] += 1,
                _ => row[3] += 1,
            }
        }
        if let Some(next) = r.next_level.as_ref().filter(|n| !n.ready) {
            for c in &next.missing {
                *blockers
                    .entry((next.level.to_string(), c.to_string()))
                    .or_default() += 1;
            }
        }
        for n in &r.not_counted {
            *problems.entry(n.reason.code.code().to_owned()).or_default() += 1;
        }
    }
    for ((by, id), expected) in &mut groups {
        for ids in expected.buckets.values_mut() {
            ids.sort();
        }
        expected.completed.sort();
        expected.lapsed.sort();
        assert_eq!(&observed(&report, by, id), expected, "group {by} {id}");
    }
    // Every group the report has is one the participants make (no empty organization).
    let orgs = report
        .groups
        .iter()
        .filter(|g| g.by == "organization")
        .count();
    assert_eq!(
        orgs,
        groups
            .keys()
            .filter(|(by, _)| *by == "organization")
            .count()
    );
    let got_gaps: BTreeMap<(String, String), [u64; 4]> = report
        .gaps
        .iter()
        .map(|g| {
            let row = [g.required, g.met, g.pending_review, g.lacking].map(|c| c.unwrap());
            assert_eq!(g.met_percent, Some((row[1] * 100 / row[0]) as u32));
            ((g.level.to_string(), g.competency.to_string()), row)
        })
        .collect();
    assert_eq!(got_gaps, gaps);
    let got_blockers: BTreeMap<(String, String), u64> = report
        .blockers
        .iter()
        .map(|b| {
            (
                (b.level.to_string(), b.competency.to_string()),
                b.count.unwrap(),
            )
        })
        .collect();
    assert_eq!(got_blockers, blockers);
    let counts: Vec<u64> = report.blockers.iter().map(|b| b.count.unwrap()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first"
    );
    let got_problems: BTreeMap<String, u64> = report
        .evidence_problems
        .iter()
        .map(|p| (p.code.code().to_owned(), p.count.unwrap()))
        .collect();
    assert_eq!(got_problems, problems);
    assert_eq!(report.unreadable.count, 0);
}

#[test]
fn counts_equal_the_participants_reports_on_a_generated_cohort() {
    let pack = Pack::hslp().unwrap();
    let participants = generated(&pack, 2026, 300);
    check_against_reports(&pack, &participants);
    // The cohort is varied enough for the check to mean something.
    let report = cohort(&pack, &participants, as_of(), &CohortOptions::default());
    let all = report.group("all", "all").unwrap();
    for bucket in [
        &all.readiness.ready_now,
        &all.readiness.ready_soon,
        &all.readiness.developing,
    ] {
        assert!(bucket.count.unwrap() > 0, "{all:?}");
    }
    assert!(all.near_time_limit.unwrap() > 0);
    assert!(!report.blockers.is_empty() && !report.evidence_problems.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn counts_equal_the_participants_reports(seed in 0u64..1_000_000, count in 1u64..60) {
        let pack = Pack::hslp().unwrap();
        check_against_reports(&pack, &generated(&pack, seed, count));
    }

    #[test]
    fn any_order_gives_the_same_bytes(seed in 0u64..1_000_000, shuffle in any::<u64>()) {
        let pack = Pack::hslp().unwrap();
        let participants = generated(&pack, seed, 40);
        let mut shuffled = participants.clone();
        let mut state = shuffle | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for aggregate_only in [false, true] {
            let mut options = CohortOptions::default();
            options.aggregate_only = aggregate_only;
            let a = cohort(&pack, &participants, as_of(), &options).to_json();
            let b = cohort(&pack, &shuffled, as_of(), &options).to_json();
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn aggregate_only_names_no_one_and_hides_no_count_a_total_would_give_back(
        seed in 0u64..1_000_000,
        count in 1u64..120,
        min_cell in 2u32..12,
    ) {
        let pack = Pack::hslp().unwrap();
        let participants = generated(&pack, seed, count);
        let mut options = CohortOptions::default();
        options.aggregate_only = true;
        options.min_cell = min_cell;
        let report = cohort(&pack, &participants, as_of(), &options);
        let json = report.to_json();
        for p in &participants {
            prop_assert!(!json.contains(&p.id), "{} is in the report", p.id);
        }
        check_suppression(&report, u64::from(min_cell));
    }
}

/// No shown count is small, and no equation between the report's counts has exactly one hidden.
fn check_suppression(report: &CohortReport, min_cell: u64) {
    let mut equations: Vec<Vec<Count>> = Vec::new();
    let all = report.group("all", "all").unwrap();
    for g in &report.groups {
        let mut shown = vec![g.participants, g.near_time_limit];
        shown.extend(g.status.iter().map(|(_, c)| *c));
        shown.extend(g.level_attained.iter().map(|(_, c)| *c));
        for c in shown.iter().flatten() {
            assert!(*c == 0 || *c >= min_cell, "{} {} shows {c}", g.by, g.id);
        }
        assert!(g.people.is_none() && g.readiness.ready_now.participants.is_none());
        let r = &g.readiness;
        let buckets = [&r.ready_now, &r.ready_soon, &r.developing, &r.top_level].map(|b| b.count);
        let mut eq = |parts: Vec<Count>| {
            let mut e = vec![g.participants];
            e.extend(parts);
            equations.push(e);
        };
        eq(g.status.iter().map(|(_, c)| *c).collect());
        eq(g.level_attained.iter().map(|(_, c)| *c).collect());
        eq(buckets.to_vec());
    }
    // Each organization's (and each level's) counts add up to the whole cohort's.
    for by in ["organization", "level"] {
        let parts: Vec<_> = report.groups.iter().filter(|g| g.by == by).collect();
        if parts.is_empty() {
            continue;
        }
        let mut total = vec![all.participants];
        total.extend(parts.iter().map(|g| g.participants));
        equations.push(total);
        for (i, (_, c)) in all.status.iter().enumerate() {
            let mut e = vec![*c];
            e.extend(parts.iter().map(|g| g.status[i].1));
            equations.push(e);
        }
        let mut near = vec![all.near_time_limit];
        near.extend(parts.iter().map(|g| g.near_time_limit));
        equations.push(near);
    }
    // Bench strength: each next level's across the organizations, and across the levels (only
    // the level below heads for it).
    for bench in &all.bench {
        for by in ["organization", "level"] {
            let parts: Vec<_> = report
                .groups
                .iter()
                .filter(|g| g.by == by)
                .filter_map(|g| g.bench.iter().find(|b| b.level == bench.level))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let mut now = vec![bench.ready_now];
            now.extend(parts.iter().map(|b| b.ready_now));
            let mut soon = vec![bench.ready_soon];
            soon.extend(parts.iter().map(|b| b.ready_soon));
            equations.extend([now, soon]);
        }
    }
    for g in &report.groups {
        let r = &g.readiness;
        let mut now = vec![r.ready_now.count];
        now.extend(g.bench.iter().map(|b| b.ready_now));
        let mut soon = vec![r.ready_soon.count];
        soon.extend(g.bench.iter().map(|b| b.ready_soon));
        equations.extend([now, soon]);
    }
    for gap in &report.gaps {
        equations.push(vec![gap.required, gap.met, gap.pending_review, gap.lacking]);
        for c in [gap.required, gap.met, gap.pending_review, gap.lacking]
            .iter()
            .flatten()
        {
            assert!(*c == 0 || *c >= min_cell);
        }
    }
    for e in equations.iter().filter(|e| e.len() > 1) {
        let hidden = e.iter().filter(|c| c.is_none()).count();
        assert_ne!(hidden, 1, "one hidden count in {e:?} could be worked out");
        // A zero shown beside a hidden count would say the hidden one is not zero.
        assert!(
            hidden == 0 || !e.contains(&Some(0)),
            "a zero is shown beside hidden counts in {e:?}"
        );
        // Where nothing is hidden, the equation holds (the totals are honest).
        if hidden == 0 {
            let total = e[0].unwrap();
            let sum: u64 = e[1..].iter().map(|c| c.unwrap()).sum();
            assert_eq!(total, sum, "{e:?}");
        }
    }
    // `suppressed` counts exactly the hidden counts (a hidden percentage is not a count).
    let json = report.to_json();
    let percents = json.matches("\"met_percent\":null").count();
    // (The whole cohort's participants are written twice: at the top and in its group.)
    let twice = usize::from(report.participants.is_none());
    assert_eq!(
        report.suppressed.unwrap(),
        json.matches(":null").count() - percents - twice
    );
}

#[test]
fn documents_that_cannot_be_evaluated_are_counted_and_listed_and_the_run_goes_on() {
    let pack = Pack::hslp().unwrap();
    let input = concat!(
        r#"{"id": "a", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#,
        "\n",
        r#"{"id": "b", "organization": "o", "level": "chief", "enrolled": "2026-09-01"}"#,
        "\n",
        "{not json\n",
        r#"{"id": "c", "organization": "p", "level": "supervisor", "enrolled": "2026-09-01"}"#,
        "\n",
    );
    let mut cohort = Cohort::new(&pack, as_of(), CohortOptions::default());
    let summary = cohort
        .add_stream(input.as_bytes(), Some("in.jsonl"), 1)
        .unwrap();
    assert_eq!((summary.read, summary.failed), (4, 2));
    let report = cohort.finish();
    assert_eq!(report.participants, Some(2));
    assert_eq!(report.unreadable.count, 2);
    let docs = report.unreadable.documents.as_ref().unwrap();
    assert_eq!(docs.iter().map(|d| d.index).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(docs[0].error.line, Some(2));
    assert_eq!(docs[1].error.line, Some(3));
    assert!(docs.iter().all(|d| d.source.as_deref() == Some("in.jsonl")));
    let codes: Vec<&str> = report
        .unreadable
        .by_code
        .iter()
        .map(|(c, _)| c.code())
        .collect();
    assert_eq!(codes, ["syntax", "unknown_level"]);

    // Aggregate only: counted by code, not listed (an error can quote the document).
    let mut options = CohortOptions::default();
    options.aggregate_only = true;
    let mut cohort = Cohort::new(&pack, as_of(), options);
    cohort.add_stream(input.as_bytes(), None, 2).unwrap();
    let report = cohort.finish();
    assert_eq!(report.unreadable.count, 2);
    assert!(report.unreadable.documents.is_none());
}

#[test]
fn a_member_built_from_the_compact_form_counts_as_the_participant_evaluated() {
    let pack = Pack::hslp().unwrap();
    let participants = generated(&pack, 7, 30);
    let mut a = Cohort::new(&pack, as_of(), CohortOptions::default());
    for p in &participants {
        let compact = competency_rules::compact::evaluate_compact(&pack, p, as_of()).unwrap();
        a.add(Member::of(&pack, p, &compact)).unwrap();
    }
    let b = cohort(&pack, &participants, as_of(), &CohortOptions::default());
    assert_eq!(a.finish().to_json(), b.to_json());
}

#[test]
fn the_breakdowns_are_those_asked_for() {
    let pack = Pack::hslp().unwrap();
    let participants = generated(&pack, 11, 25);
    let mut options = CohortOptions::default();
    options.group_by = vec![competency_rules::cohort::GroupBy::Level];
    let report = cohort(&pack, &participants, as_of(), &options);
    let kinds: std::collections::BTreeSet<&str> = report.groups.iter().map(|g| g.by).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["all", "level"]);
    // Every level of the pack, in pack order, even one nobody is at.
    let levels: Vec<&str> = report
        .groups
        .iter()
        .filter(|g| g.by == "level")
        .map(|g| g.id.as_str())
        .collect();
    let pack_levels: Vec<&str> = pack
        .document()
        .level
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(levels, pack_levels);
}

// The command line.

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_competency-rules"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

const SAMPLE: &str = "examples/cohort/participants.jsonl";

/// The shipped sample cohort: its text, and its participants.
fn sample() -> (String, Vec<Participant>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let text = std::fs::read_to_string(path).unwrap();
    let participants = text
        .lines()
        .map(|l| Participant::from_json(l).unwrap())
        .collect();
    (text, participants)
}

#[test]
fn the_cli_reports_the_shipped_sample_cohort_as_json() {
    let out = cli(&["cohort", "--as-of", "2026-11-24", SAMPLE]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "competency-rules/cohort@1");
    assert_eq!(report["participants"], 200);
    // The same as the library on the same participants.
    let pack = Pack::hslp().unwrap();
    let (_, participants) = sample();
    let library = cohort(&pack, &participants, as_of(), &CohortOptions::default());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        library.to_json_pretty() + "\n"
    );
}

#[test]
fn the_cli_csv_is_one_tidy_table() {
    for lang in ["en", "fr"] {
        let out = cli(&[
            "cohort",
            "--as-of",
            "2026-11-24",
            "--format",
            "csv",
            "--lang",
            lang,
            SAMPLE,
        ]);
        assert!(out.status.success());
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, competency_rules::cohort::render::CSV_COLUMNS);
        let mut views = std::collections::BTreeSet::new();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.unwrap();
            assert_eq!(record.len(), header.len());
            views.insert(record[0].to_owned());
            // A value is a whole number, or empty when suppressed.
            match &record[8] {
                "no" => assert!(record[7].parse::<u64>().is_ok(), "{record:?}"),
                "yes" => assert!(record[7].is_empty()),
                other => panic!("suppressed is {other}"),
            }
            rows += 1;
        }
        assert!(rows > 500);
        for view in [
            "status",
            "level_attained",
            "readiness",
            "bench",
            "gaps",
            "blockers",
            "evidence_problems",
        ] {
            assert!(views.contains(view), "{view} missing");
        }
    }
}

#[test]
fn the_cli_text_is_in_the_language_asked_for() {
    let en = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--format",
        "text",
        SAMPLE,
    ]);
    let fr = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--format",
        "text",
        "--lang",
        "fr",
        SAMPLE,
    ]);
    let (en, fr) = (
        String::from_utf8(en.stdout).unwrap(),
        String::from_utf8(fr.stdout).unwrap(),
    );
    assert!(en.contains("Readiness for the next level") && en.contains("Bench strength for"));
    assert!(fr.contains("Admissibilité au niveau suivant\u{a0}:"));
    // Evidence problems by their titles, not their codes.
    assert!(fr.contains("note sous le minimum (") && en.contains("grade below the minimum ("));
    assert!(!fr.contains("below_min_grade") && !en.contains("below_min_grade"));
    for english in [
        "ready now",
        "Whole cohort",
        "Bench strength",
        "Readiness",
        "Level attained",
        " of ",
    ] {
        assert!(
            !fr.contains(english),
            "English `{english}` in the French text"
        );
    }
}

#[test]
fn the_cli_aggregate_only_report_names_no_one() {
    let out = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--aggregate-only",
        "--min-cell",
        "5",
        SAMPLE,
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for participant in sample().1 {
        assert!(!text.contains(&participant.id));
    }
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(report["suppressed"].as_u64().unwrap() > 0);
}

#[test]
fn the_cli_reads_directories_and_standard_input_and_exits_1_for_unreadable_documents() {
    let dir = std::env::temp_dir().join(format!("cohort-cli-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("a.json"),
        r#"{"id": "a", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("sub/b.jsonl"), "{\"id\": \"b\", \"organization\": \"o\", \"level\": \"front_line\", \"enrolled\": \"2026-09-01\"}\n{broken\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a participant").unwrap();
    let out = cli(&["cohort", "--as-of", "2026-11-24", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["participants"], 2);
    assert_eq!(report["unreadable"]["count"], 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("b.jsonl"));

    let mut child = Command::new(env!("CARGO_BIN_EXE_competency-rules"))
        .args(["cohort", "--as-of", "2026-11-24", "--format", "text", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(dir.join("a.json")).unwrap().as_slice())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1 participant\n")
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let bad = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--group-by",
        "region",
        SAMPLE,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("organization, level or none"));
}

#[test]
fn a_participant_given_twice_is_counted_once_and_listed() {
    let pack = Pack::hslp().unwrap();
    let mut participants = generated(&pack, 5, 4);
    participants.push(participants[1].clone());
    let report = cohort(&pack, &participants, as_of(), &CohortOptions::default());
    assert_eq!(report.participants, Some(4));
    let docs = report.unreadable.documents.as_ref().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].index, 4);
    assert_eq!(docs[0].error.code.code(), "duplicate_participant");
    assert!(docs[0].error.message.contains(&participants[1].id));
}

#[test]
fn the_cli_lists_missing_and_empty_inputs_in_the_report_and_reads_a_byte_order_mark() {
    let dir = std::env::temp_dir().join(format!("cohort-inputs-{}", std::process::id()));
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    let one = r#"{"id": "a", "organization": "o", "level": "manager", "enrolled": "2026-09-01"}"#;
    std::fs::write(dir.join("BOM.JSONL"), format!("\u{feff}{one}\n")).unwrap();
    std::fs::write(dir.join("empty.json"), "").unwrap();
    std::fs::write(dir.join(".hidden/skip.json"), one.replace("\"a\"", "\"h\"")).unwrap();
    let missing = dir.join("missing.jsonl");
    let out = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        dir.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["participants"], 1,
        "the upper-case .JSONL file is read, its mark skipped; .hidden is not"
    );
    assert_eq!(
        report["unreadable"]["by_code"],
        serde_json::json!({"empty_input": 1, "input_unreadable": 1})
    );
    let sources: Vec<&str> = report["unreadable"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    assert!(
        sources[0].ends_with("empty.json") && sources[1].ends_with("missing.jsonl"),
        "{sources:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // --min-cell is for aggregate-only reports, and at least 1; `none` is the whole cohort only.
    let out = cli(&["cohort", "--as-of", "2026-11-24", "--min-cell", "3", SAMPLE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--aggregate-only"));
    let out = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--aggregate-only",
        "--min-cell",
        "0",
        SAMPLE,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&[
        "cohort",
        "--as-of",
        "2026-11-24",
        "--group-by",
        "none",
        SAMPLE,
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["groups"].as_array().unwrap().len(), 1);
}

/// The sample cohort's reports (in full, and aggregate-only at the default threshold) as golden
/// files the npm package's tests compare the WebAssembly module's output with, byte for byte
/// (`UPDATE_REPORTS=1` rewrites them).
#[test]
fn the_sample_cohorts_reports_are_the_golden_files() {
    let pack = Pack::hslp().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (text, _) = sample();
    for (name, aggregate_only) in [("sample.json", false), ("sample-aggregate.json", true)] {
        let mut options = CohortOptions::default();
        options.aggregate_only = aggregate_only;
        let mut cohort = Cohort::new(&pack, as_of(), options);
        cohort.add_stream(text.as_bytes(), None, 1).unwrap();
        let json = cohort.finish().to_json() + "\n";
        let golden = root.join("tests/cohort").join(name);
        if std::env::var_os("UPDATE_REPORTS").is_some() {
            std::fs::write(&golden, &json).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&golden).unwrap(),
            json,
            "UPDATE_REPORTS=1 rewrites {name}"
        );
    }
}

/// The npm package's entry (`ffi::cohort`): the library's report for the same participants, and
/// every option checked with its name.
#[test]
fn the_binding_gives_the_librarys_report_and_checks_its_options() {
    use competency_rules::ffi;
    let pack = Pack::hslp().unwrap();
    let (text, participants) = sample();
    let mut options = CohortOptions::default();
    options.aggregate_only = true;
    options.min_cell = 7;
    options.group_by = vec![competency_rules::cohort::GroupBy::Organization];
    let library = cohort(&pack, &participants, as_of(), &options).to_json();
    let given = r#"{"aggregateOnly": true, "minCell": 7, "groupBy": "organization"}"#;
    assert_eq!(
        ffi::cohort(&pack, &text, "2026-11-24", given).unwrap(),
        library
    );
    // A JSON array is the same cohort.
    let array = format!(
        "[{}]",
        text.trim_end().lines().collect::<Vec<_>>().join(",")
    );
    assert_eq!(
        ffi::cohort(&pack, &array, "2026-11-24", given).unwrap(),
        library
    );
    for (options, path) in [
        (r#"{"minCell": 0}"#, "minCell"),
        (r#"{"readyWithin": 1.5}"#, "readyWithin"),
        (r#"{"nearDays": -3}"#, "nearDays"),
        (r#"{"groupBy": ["organization", "region"]}"#, "groupBy[1]"),
        (r#"{"groupBy": 3}"#, "groupBy"),
        (r#"{"aggregateOnly": 1}"#, "aggregateOnly"),
        (r#"{"minCells": 5}"#, "minCells"),
        ("[]", "options"),
    ] {
        let failure = ffi::cohort(&pack, &text, "2026-11-24", options).unwrap_err();
        assert_eq!(
            failure.code,
            competency_rules::FailureCode::InvalidArgument,
            "{options}"
        );
        assert_eq!(failure.path, path, "{options}");
    }
    let failure = ffi::cohort(&pack, &text, "2026-02-30", "{}").unwrap_err();
    assert_eq!(
        (failure.code, failure.path.as_str()),
        (competency_rules::FailureCode::InvalidDate, "asOf")
    );
    // `groupBy: []` is the whole cohort alone.
    let whole: serde_json::Value = serde_json::from_str(
        &ffi::cohort(&pack, &text, "2026-11-24", r#"{"groupBy": []}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(whole["groups"].as_array().unwrap().len(), 1);
}

/// Every evidence problem title is the title of a reason a report can give.
#[test]
fn every_problem_title_names_a_reason() {
    use competency_rules::messages::{Message, ProblemLabel};
    for title in ProblemLabel::ALL {
        let code = title.code().strip_prefix("problem.").unwrap();
        assert!(Message::from_code(code).is_some(), "{code}");
    }
}
