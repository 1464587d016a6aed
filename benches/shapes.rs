//! The input shapes fuzzing found super-linear, each at two sizes (the larger four times the
//! smaller), so a regression shows as a ratio: linear work gives about 4×, quadratic about 16×.
//! Run with `cargo bench --bench shapes`.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark with bad fixtures should stop at once"
)]
#![expect(
    missing_docs,
    reason = "criterion_group! generates an undocumented function"
)]

use competency_rules::Pack;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;

fn mini() -> Value {
    serde_json::from_str(include_str!("../tests/conformance/packs/mini.json")).unwrap()
}

/// A pack with an outcome id of `n` characters and a reference to another id of that length
/// ("did you mean" compares the two).
fn long_unknown_id(n: usize) -> String {
    let mut doc = mini();
    doc["outcome"][0]["id"] = json!("x".repeat(n));
    doc["competency"][0]["outcome"] = json!("y".repeat(n));
    doc.to_string()
}

/// `n` rules, each reading what the next grants, ending in a cycle of the last three.
fn rule_chain(n: usize) -> String {
    let mut doc = mini();
    let mut rules = Vec::new();
    for i in 0..n {
        doc["competency"].as_array_mut().unwrap().push(json!({ "id": format!("k{i}"),
            "outcome": "o.thinking", "name": { "en": "k", "fr": "k" }, "description": { "en": "k", "fr": "k" },
            "expected": { "staff": "not_required", "lead": "not_required" } }));
        let reads = if i + 1 < n { i + 1 } else { n - 3 };
        rules.push(json!({ "id": format!("r{i}"), "grants": [{ "competency": format!("k{i}"), "level": "basic" }],
                           "when": { "competency": format!("k{reads}"), "level": "basic" } }));
    }
    doc["rule"] = json!(rules);
    doc.to_string()
}

/// A TOML pack with `n` unknown keys, each reported with its line and column.
#[cfg(feature = "toml")]
fn bad_keys(n: usize) -> String {
    let mut text = String::from("format = \"competency-rules/pack@1\"\n[program]\n");
    for i in 0..n {
        text.push_str(&format!("bad_key_{i} = 1\n"));
    }
    text
}

fn packs(c: &mut Criterion) {
    let mut group = c.benchmark_group("shapes");
    group.sample_size(10);
    for n in [1_250, 5_000] {
        let text = long_unknown_id(n);
        group.bench_with_input(BenchmarkId::new("long unknown id", n), &text, |b, t| {
            b.iter(|| Pack::from_json(black_box(t)).unwrap_err())
        });
    }
    for n in [200, 800] {
        let text = rule_chain(n);
        group.bench_with_input(
            BenchmarkId::new("rule chain ending in a cycle", n),
            &text,
            |b, t| b.iter(|| Pack::from_json(black_box(t)).unwrap_err()),
        );
    }
    #[cfg(feature = "toml")]
    for n in [2_000, 8_000] {
        let text = bad_keys(n);
        group.bench_with_input(
            BenchmarkId::new("TOML with many bad keys", n),
            &text,
            |b, t| b.iter(|| Pack::from_toml(black_box(t)).unwrap_err()),
        );
    }
    group.finish();
}

#[cfg(feature = "interop")]
fn interop(c: &mut Criterion) {
    use competency_rules::Participant;
    use competency_rules::interop::case_import::import_case;
    use competency_rules::interop::xapi::{Received, add_statements};
    let mut group = c.benchmark_group("shapes");
    group.sample_size(10);
    for n in [500, 2_000] {
        // Identifiers of 13 characters, `x` then `!` and `?` spelling the item's number in
        // binary: all reduce to the pack id `item-x`.
        let items: Vec<Value> = (0..n)
            .map(|i| {
                let marks: String = (0..12)
                    .map(|b| if i >> b & 1 == 1 { '!' } else { '?' })
                    .collect();
                json!({ "identifier": format!("x{marks}"), "fullStatement": "S" })
            })
            .collect();
        let package = json!({ "CFDocument": { "identifier": "doc" }, "CFItems": items });
        group.bench_with_input(
            BenchmarkId::new("CASE ids reducing to one", n),
            &package,
            |b, p| b.iter(|| import_case(black_box(p), "en").unwrap()),
        );
    }
    let pack = Pack::hslp().unwrap();
    for n in [500, 2_000] {
        // `n` agents, and `n` statements naming the participant by a hashed mailbox.
        let agents: Vec<Value> = (0..n)
            .map(|i| json!({ "mbox": format!("mailto:p{i}@example.org") }))
            .collect();
        let participant = Participant::from_value(json!({ "id": "x", "organization": "o",
            "level": "front_line", "enrolled": "2026-01-05", "agents": agents }))
        .unwrap();
        let received: Vec<Received> = (0..n)
            .map(|i| {
                Received::new(
                    format!("s[{i}]"),
                    json!({
                "id": format!("00000000-0000-4000-8000-{i:012}"),
                "actor": { "mbox_sha1sum": format!("{:040x}", i) },
                "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
                "object": { "id": "https://example.org/activity" },
                "timestamp": "2026-03-01T10:00:00Z" }),
                )
            })
            .collect();
        group.bench_with_input(
            BenchmarkId::new("xAPI agents x hashed mailboxes", n),
            &(participant, received),
            |b, (p, r)| {
                b.iter(|| {
                    let mut p = p.clone();
                    add_statements(&pack, &mut p, black_box(r.clone())).unwrap()
                })
            },
        );
    }
    group.finish();
}

#[cfg(feature = "interop")]
criterion_group!(all, packs, interop);
#[cfg(not(feature = "interop"))]
criterion_group!(all, packs);
criterion_main!(all);
