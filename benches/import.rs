//! What loading a directory costs: HSDS JSON read, validated and its
//! eligibility text read, at the size of a national directory; and the
//! eligibility reader alone on real text.
//!
//! `cargo bench --bench import` runs both groups:
//! - `import/hsds_json/N`: a synthetic directory of N services (100,000;
//!   with `CARENAV_BENCH_1M=1` also 1,000,000) written as one HSDS 3 JSON
//!   document in memory, then loaded from those bytes as `carenav match
//!   --directory` would load a file. Every service's eligibility text goes
//!   through the reader. The synthetic texts are short template phrases.
//! - `read_eligibility/corpus_dev`: the development part of the labelled
//!   eligibility corpus (`tests/eligibility-corpus/`, 874 real texts from
//!   four directories), read one after the other: what the reader costs on
//!   the longer, messier text real directories write.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use carenav::core::text::read_eligibility;
use carenav::hsds::{Format, Mode, load_str, write_json};
use carenav_synth::{SynthOptions, generate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

use common::{SEED, sizes};

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for n in sizes() {
        let directory = generate(&SynthOptions {
            services: n,
            seed: SEED,
            ..SynthOptions::default()
        })
        .expect("generate");
        let mut bytes = Vec::new();
        write_json(&directory, &mut bytes).expect("write");
        let json = String::from_utf8(bytes).expect("UTF-8");
        let started = Instant::now();
        let loaded = load_str("synthetic.json", &json, Format::Json, Mode::Strict).expect("load");
        let secs = started.elapsed().as_secs_f64();
        println!(
            "import {n}: {:.1} MB of HSDS JSON, {} services loaded in {secs:.1} s ({:.0} services/s)",
            json.len() as f64 / 1e6,
            loaded.directory.services.len(),
            n as f64 / secs
        );
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("hsds_json", n), |b| {
            b.iter(|| {
                load_str(
                    "synthetic.json",
                    black_box(&json),
                    Format::Json,
                    Mode::Strict,
                )
            })
        });
    }
    group.finish();
}

/// The development texts of the labelled corpus (the held-back part is not
/// read here either: it is measured only by the corpus test).
fn corpus_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eligibility-corpus");
    let mut texts = Vec::new();
    for source in [
        "ohana-smc",
        "ilao-legal-aid",
        "florida-legal-aid",
        "linksf-sf",
    ] {
        let path = dir.join(format!("{source}.jsonl"));
        let lines = std::fs::read_to_string(&path).expect("corpus file");
        for line in lines.lines().filter(|l| !l.trim().is_empty()) {
            let entry: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            if entry["part"] == "dev"
                && let Some(text) = entry["text"].as_str()
            {
                texts.push(text.to_owned());
            }
        }
    }
    texts
}

fn reader(c: &mut Criterion) {
    let texts = corpus_texts();
    let mut group = c.benchmark_group("read_eligibility");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function(BenchmarkId::new("corpus_dev", texts.len()), |b| {
        b.iter(|| {
            for text in &texts {
                black_box(read_eligibility(black_box(text)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, reader, import);
criterion_main!(benches);
