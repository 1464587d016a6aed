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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: u64| args.get(i).map_or(default, |a| a.parse().unwrap());
    let (count, evidence, seed) = (arg(0, 1000), arg(1, 20) as usize, arg(2, 1));
    let pack = competency_rules::Pack::hslp().unwrap();
    let material = cohort_gen::Material::of(&pack);
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(out);
    for i in 0..count {
        let p = cohort_gen::participant(&material, seed, i, evidence);
        serde_json::to_writer(&mut out, &p).unwrap();
        out.write_all(b"\n").unwrap();
    }
    out.flush().unwrap();
}
