//! Writes a generated cohort as JSON Lines, one participant per line, for benchmarks and trials:
//!
//! ```sh
//! cargo run --release --example generate -- 1000 > cohort.jsonl
//! cargo run --release --example generate -- 1000000 20 7 > big.jsonl   # count, evidence, seed
//! ```
//!
//! Deterministic: the same count, evidence size and seed give the same bytes.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a generator with bad arguments should stop at once"
)]

#[path = "cohort_gen.rs"]
mod cohort_gen;

use std::io::Write;

const USAGE: &str = "usage: generate [COUNT (1000)] [EVIDENCE PER PARTICIPANT (20)] [SEED (1)]";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: u64| match args.get(i).map(|a| a.parse()) {
        None => default,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("{USAGE}");
            std::process::exit(2);
        }
    };
    let (count, evidence, seed) = (arg(0, 1000), arg(1, 20) as usize, arg(2, 1));
    let pack = competency_rules::Pack::hslp().unwrap();
    let material = cohort_gen::Material::of(&pack);
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(out);
    // (A closed pipe, as `| head` closes it, ends the program quietly.)
    for i in 0..count {
        let p = cohort_gen::participant(&material, seed, i, evidence);
        let written = serde_json::to_writer(&mut out, &p)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            std::process::exit(0);
        }
    }
    if out.flush().is_err() {
        std::process::exit(0);
    }
}
