//! How fast `locate` runs on the shipped line: 1,000,000 deterministic points within 50 km of
//! the border, one core. Target: under 2 s for the million.

use std::hint::black_box;
use std::time::Duration;

use banna_border::border::{Border, Side};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const POINTS: usize = 1_000_000;
const MAX_DISTANCE_M: f64 = 50_000.0;

/// A 64-bit linear congruential generator (Knuth's MMIX constants); deterministic, no deps.
struct Lcg(u64);

impl Lcg {
    /// Uniform in `[0, 1)`.
    fn next_unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// WGS84 lon/lat points at a random km, a random distance up to 50 km, on a random side.
fn points(border: &Border) -> Vec<(f64, f64)> {
    let mut rng = Lcg(0x5eed_b0de_2024);
    let mut out = Vec::with_capacity(POINTS);
    while out.len() < POINTS {
        let km = rng.next_unit() * border.length_km();
        let distance_m = rng.next_unit() * MAX_DISTANCE_M;
        let side = if rng.next_unit() < 0.5 { Side::Cn } else { Side::Abroad };
        if let Some(point) = border.offset(km, distance_m, side) {
            out.push(point);
        }
    }
    out
}

fn locate_million(c: &mut Criterion) {
    let border = Border::bundled();
    let points = points(border);
    let mut group = c.benchmark_group("locate");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Elements(POINTS as u64));
    group.bench_function("1M points within 50 km", |b| {
        b.iter(|| {
            let mut km_sum = 0.0;
            for &(lon, lat) in &points {
                if let Some(location) = border.locate(black_box(lon), black_box(lat)) {
                    km_sum += location.border_km;
                }
            }
            km_sum
        })
    });
    group.finish();
}

criterion_group!(benches, locate_million);
criterion_main!(benches);
