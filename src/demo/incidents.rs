//! The demo's incidents, streamed: 2023 then 2024, in time order within each year, with the
//! totals chosen so that 2024 against 2023 gives −31.3 % incidents and −34.5 % persons.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::geography::{round6, township_at};
use super::targets::{BASE_YEAR, COMPARE_YEAR, INCIDENTS_PCT, PERSONS_PCT};
use super::{Demo, Incident};
use crate::border::{Border, Side};
use crate::domain::period::year_bounds_utc;

/// The default number of incidents of `banna demo`.
pub const DEFAULT_TOTAL: u64 = 3400;
/// Fewest incidents for which the split comes within 0.1 percentage point of the target.
pub const MIN_TOTAL: u64 = 3000;

/// Largest number of persons apprehended in one incident.
const MAX_PERSONS: i64 = 8;
/// Mean persons apprehended per incident in 2023.
const BASE_PERSONS_PER_INCIDENT: f64 = 1.6;

/// How `total` incidents split into 2023 and 2024 so the count falls by 31.3 %.
/// Small totals round coarsely, so the base is searched near its ideal value for the split
/// whose change is closest to the target.
pub fn incident_split(total: u64) -> (u64, u64) {
    let ratio = 1.0 + INCIDENTS_PCT / 100.0;
    let ideal = (total as f64 / (1.0 + ratio)).round() as i64;
    let base = closest_base(ideal, |base| (base, total as i64 - base), INCIDENTS_PCT);
    (base as u64, total - base as u64)
}

/// Persons apprehended in 2023 and 2024 for those counts (−34.5 %).
pub fn persons_split(base_count: u64) -> (i64, i64) {
    let ratio = 1.0 + PERSONS_PCT / 100.0;
    let ideal = (base_count as f64 * BASE_PERSONS_PER_INCIDENT).round() as i64;
    let base = closest_base(ideal, |base| (base, (base as f64 * ratio).round() as i64), PERSONS_PCT);
    (base, (base as f64 * ratio).round() as i64)
}

/// Among bases within ±20 of `ideal`, the one whose (base, compare) pair has the percentage
/// change closest to `target_pct`.
fn closest_base(ideal: i64, pair: impl Fn(i64) -> (i64, i64), target_pct: f64) -> i64 {
    let error = |base: i64| {
        let (base, compare) = pair(base);
        if base <= 0 {
            return f64::INFINITY;
        }
        ((compare - base) as f64 / base as f64 * 100.0 - target_pct).abs()
    };
    (ideal - 20..=ideal + 20)
        .min_by(|a, b| error(*a).total_cmp(&error(*b)).then(a.abs_diff(ideal).cmp(&b.abs_diff(ideal))))
        .unwrap_or(ideal)
}

/// The UTC instants bounding local calendar year `year`.
pub fn year_span(year: i32, tz: chrono_tz::Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    year_bounds_utc(year, tz)
}

/// Weighted categories; 2024 has relatively fewer illegal crossings.
const CATEGORIES: [(&str, f64, f64); 6] = [
    ("illegal_crossing", 0.45, 0.40),
    ("smuggling", 0.20, 0.22),
    ("drug_trafficking", 0.15, 0.15),
    ("telecom_fraud", 0.10, 0.13),
    ("human_trafficking", 0.03, 0.03),
    ("other", 0.07, 0.07),
];

/// Hotspots along the line (km, spread km, weight): Daluo (opposite Möng La, km ≈ 57) and
/// the Mohan port (km ≈ 430) stand out, then Menglong and Guanlei.
const HOTSPOTS: [(f64, f64, f64); 4] =
    [(57.0, 8.0, 0.35), (430.0, 10.0, 0.35), (200.0, 15.0, 0.15), (300.0, 12.0, 0.15)];

/// One year's share of the incidents.
#[derive(Clone, Copy)]
struct YearPlan {
    count: u64,
    persons: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

/// Lazily generated incidents, `total` in all.
pub struct IncidentStream<'a> {
    demo: &'a Demo,
    border: &'static Border,
    rng: ChaCha8Rng,
    years: [YearPlan; 2],
    year_index: usize,
    position: u64,
    persons_left: i64,
}

impl<'a> IncidentStream<'a> {
    pub fn new(demo: &'a Demo, total: u64, tz: chrono_tz::Tz, rng: ChaCha8Rng) -> IncidentStream<'a> {
        let (base_count, compare_count) = incident_split(total);
        let (base_persons, compare_persons) = persons_split(base_count);
        let span = |year| year_span(year, tz).unwrap_or_default();
        let (base_start, base_end) = span(BASE_YEAR);
        let (compare_start, compare_end) = span(COMPARE_YEAR);
        IncidentStream {
            demo,
            border: Border::bundled(),
            rng,
            years: [
                YearPlan { count: base_count, persons: base_persons, start: base_start, end: base_end },
                YearPlan { count: compare_count, persons: compare_persons, start: compare_start, end: compare_end },
            ],
            year_index: 0,
            position: 0,
            persons_left: base_persons,
        }
    }

    /// Persons for the next incident: random around the mean still needed, kept feasible so the
    /// year's total comes out exact.
    fn persons(&mut self, remaining: u64, category: &str) -> i32 {
        let remaining = remaining as i64;
        let mean = self.persons_left as f64 / remaining as f64;
        let bias = match category {
            "illegal_crossing" | "telecom_fraud" => 0.6,
            "smuggling" | "other" => -0.6,
            _ => 0.0,
        };
        let drawn = (mean + bias + self.rng.random_range(-1.5..1.5)).round() as i64;
        let low = (self.persons_left - MAX_PERSONS * (remaining - 1)).max(0);
        let high = self.persons_left.min(MAX_PERSONS);
        let persons = drawn.clamp(low, high.max(low));
        self.persons_left -= persons;
        persons as i32
    }

    fn category(&mut self) -> &'static str {
        let roll: f64 = self.rng.random();
        let mut acc = 0.0;
        for (code, base_weight, compare_weight) in CATEGORIES {
            acc += if self.year_index == 0 { base_weight } else { compare_weight };
            if roll < acc {
                return code;
            }
        }
        "other"
    }

    /// Where: near a village (a third of the time) or along the line, with hotspots; and the
    /// township it falls in.
    fn place(&mut self) -> (f64, f64, Option<usize>, usize) {
        let villages = &self.demo.villages;
        if self.rng.random_bool(0.33) && !villages.is_empty() {
            let index = self.rng.random_range(0..villages.len());
            let village = &villages[index];
            let dx = self.rng.random_range(-0.012..0.012);
            let dy = self.rng.random_range(-0.012..0.012);
            return (round6(village.lon + dx), round6(village.lat + dy), Some(index), village.township);
        }
        let length_km = self.border.length_km();
        let roll: f64 = self.rng.random();
        let mut km = self.rng.random_range(0.0..length_km);
        let mut acc = 0.0;
        for (centre, spread, weight) in HOTSPOTS {
            acc += weight * 0.6;
            if roll < acc {
                km = (centre + spread * (self.rng.random::<f64>() + self.rng.random::<f64>() - 1.0))
                    .clamp(0.0, length_km);
                break;
            }
        }
        let distance_m = 50.0 + 12_000.0 * self.rng.random::<f64>().powi(2);
        let township = township_at(&self.demo.townships, km);
        match self.border.offset(km, distance_m, Side::Cn) {
            Some((lon, lat)) => (round6(lon), round6(lat), None, township),
            None => (0.0, 0.0, None, township),
        }
    }
}

impl Iterator for IncidentStream<'_> {
    type Item = Incident;

    fn next(&mut self) -> Option<Incident> {
        while self.year_index < 2 && self.position >= self.years[self.year_index].count {
            self.year_index += 1;
            self.position = 0;
            if self.year_index < 2 {
                self.persons_left = self.years[self.year_index].persons;
            }
        }
        let YearPlan { count, start, end, .. } = *self.years.get(self.year_index)?;
        let slot = (end - start).num_seconds() as f64 / count as f64;
        let offset_s = (self.position as f64 + self.rng.random::<f64>()) * slot;
        let occurred_at = start + Duration::seconds(offset_s as i64);
        let category = self.category();
        let persons_apprehended = self.persons(count - self.position, category);
        let (lon, lat, village, township) = self.place();
        let villagers_involved =
            if village.is_some() && self.rng.random_bool(0.15) { self.rng.random_range(1..=2) } else { 0 };
        self.position += 1;
        Some(Incident { occurred_at, lon, lat, category, persons_apprehended, villagers_involved, village, township })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left: u64 = self.years[self.year_index.min(2)..].iter().map(|year| year.count).sum::<u64>() - self.position;
        (left as usize, Some(left as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::Change;

    #[test]
    fn the_splits_come_within_a_tenth_of_a_point_from_3000_incidents() {
        for total in (3000_u64..3200).chain([5001, 10_000, 123_457, 1_000_000]) {
            let (base, compare) = incident_split(total);
            assert_eq!(base + compare, total);
            let incidents = Change::new(base as f64, compare as f64).percent.expect("a base");
            assert!((incidents - INCIDENTS_PCT).abs() < 0.1, "{total}: {incidents}");
            let (base_persons, compare_persons) = persons_split(base);
            let persons = Change::new(base_persons as f64, compare_persons as f64).percent.expect("a base");
            assert!((persons - PERSONS_PCT).abs() < 0.1, "{total}: {persons}");
        }
    }

    #[test]
    fn the_default_and_the_benchmark_sizes_round_to_the_published_figures() {
        for total in [DEFAULT_TOTAL, 1_000_000] {
            let (base, compare) = incident_split(total);
            assert_eq!(Change::new(base as f64, compare as f64).published_percent(), Some(INCIDENTS_PCT), "{total}");
            let (base_persons, compare_persons) = persons_split(base);
            assert_eq!(
                Change::new(base_persons as f64, compare_persons as f64).published_percent(),
                Some(PERSONS_PCT),
                "{total}"
            );
        }
    }

    #[test]
    fn a_1000_incident_split_cannot_round_to_the_published_figure() {
        // Why the CLI asks for at least 3000: with 1000 the nearest splits give −31.1 or −31.4 %.
        let (base, compare) = incident_split(1000);
        assert_ne!(Change::new(base as f64, compare as f64).published_percent(), Some(INCIDENTS_PCT));
    }
}
