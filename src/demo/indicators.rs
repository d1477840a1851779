//! Village indicators for 2023 and 2024. Over the key villages, 2024 against 2023 gives the
//! published changes: collective income +11.7 %, per-capita income +2.5 % (population-
//! weighted), villagers involved in cross-border crime −56.4 %.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::targets::{
    BASE_YEAR, COMPARE_YEAR, KEY_COLLECTIVE_INCOME_PCT, KEY_PER_CAPITA_INCOME_PCT, KEY_VILLAGERS_IN_CRIME_PCT,
};
use super::{Indicator, Village};

pub fn generate(villages: &[Village], rng: &mut ChaCha8Rng) -> Vec<Indicator> {
    let mut base: Vec<Indicator> = Vec::with_capacity(villages.len());
    let mut compare: Vec<Indicator> = Vec::with_capacity(villages.len());
    for (index, village) in villages.iter().enumerate() {
        let collective = rng.random_range(40_000..=600_000_i64);
        let per_capita = rng.random_range(9_000..=19_000_i64);
        let crime = if village.is_key { rng.random_range(0..=5) } else { rng.random_range(0..=2) };
        base.push(Indicator {
            village: index,
            year: BASE_YEAR,
            collective_income_cny: collective,
            per_capita_income_cny: per_capita,
            villagers_in_cross_border_crime: crime,
        });
        let growth = 1.0 + KEY_COLLECTIVE_INCOME_PCT / 100.0 + rng.random_range(-0.08..0.08);
        let per_capita_growth = 1.0 + KEY_PER_CAPITA_INCOME_PCT / 100.0 + rng.random_range(-0.03..0.03);
        compare.push(Indicator {
            village: index,
            year: COMPARE_YEAR,
            collective_income_cny: (collective as f64 * growth).round() as i64,
            per_capita_income_cny: (per_capita as f64 * per_capita_growth).round() as i64,
            villagers_in_cross_border_crime: 0,
        });
    }
    let key: Vec<usize> = (0..villages.len()).filter(|index| villages[*index].is_key).collect();
    if !key.is_empty() {
        hit_collective_income(&key, &base, &mut compare);
        hit_per_capita_income(&key, villages, &base, &mut compare);
        spread_crime(&key, &mut base, &mut compare, rng);
    }
    base.extend(compare);
    base
}

/// Moves the difference between the random and the target total onto the largest key village.
fn hit_collective_income(key: &[usize], base: &[Indicator], compare: &mut [Indicator]) {
    let base_total: i64 = key.iter().map(|index| base[*index].collective_income_cny).sum();
    let target = (base_total as f64 * (1.0 + KEY_COLLECTIVE_INCOME_PCT / 100.0)).round() as i64;
    let current: i64 = key.iter().map(|index| compare[*index].collective_income_cny).sum();
    let largest = key.iter().copied().max_by_key(|index| compare[*index].collective_income_cny).unwrap_or(key[0]);
    compare[largest].collective_income_cny += target - current;
}

/// Adjusts the most populous key village so the population-weighted mean hits the target.
fn hit_per_capita_income(key: &[usize], villages: &[Village], base: &[Indicator], compare: &mut [Indicator]) {
    let weighted = |rows: &[Indicator]| -> f64 {
        key.iter().map(|index| rows[*index].per_capita_income_cny as f64 * f64::from(villages[*index].population)).sum()
    };
    let target = weighted(base) * (1.0 + KEY_PER_CAPITA_INCOME_PCT / 100.0);
    let most_populous = key.iter().copied().max_by_key(|index| villages[*index].population).unwrap_or(key[0]);
    let shortfall = target - weighted(compare);
    let population = f64::from(villages[most_populous].population.max(1));
    compare[most_populous].per_capita_income_cny += (shortfall / population).round() as i64;
}

/// Distributes the target 2024 total of villagers in cross-border crime over key villages.
/// Small counts round coarsely, so first the base year's total is nudged (one villager at a
/// time) until some whole 2024 total gives the target within 0.05 percentage points.
fn spread_crime(key: &[usize], base: &mut [Indicator], compare: &mut [Indicator], rng: &mut ChaCha8Rng) {
    let ratio = 1.0 + KEY_VILLAGERS_IN_CRIME_PCT / 100.0;
    let mut base_total: i32 = key.iter().map(|index| base[*index].villagers_in_cross_border_crime).sum();
    let off_target = |total: i32| {
        let compare_total = (f64::from(total) * ratio).round();
        total == 0 || (compare_total / f64::from(total) - ratio).abs() >= 0.0005
    };
    while off_target(base_total) {
        let index = key[rng.random_range(0..key.len())];
        base[index].villagers_in_cross_border_crime += 1;
        base_total += 1;
    }
    let target = (f64::from(base_total) * ratio).round() as i32;
    for _ in 0..target {
        let index = key[rng.random_range(0..key.len())];
        compare[index].villagers_in_cross_border_crime += 1;
    }
}
