//! The year-on-year figures officials publish, computed exactly and rounded as they write them.

/// Percentage change from `base` to `compare`: `(compare − base) / base × 100`.
/// `None` when the base is zero (there is no percentage: the value is "new").
///
/// ```
/// use banna_border::domain::figures::percent_change;
/// assert_eq!(percent_change(2000.0, 1374.0), Some(-31.3));
/// assert_eq!(percent_change(0.0, 5.0), None);
/// ```
pub fn percent_change(base: f64, compare: f64) -> Option<f64> {
    (base != 0.0 && base.is_finite() && compare.is_finite()).then(|| (compare - base) / base * 100.0)
}

/// Rounds to one decimal, half away from zero, as published figures are written ("−31.3 %").
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The change of a figure between two years, with the percentage rounded for publication.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub base: f64,
    pub compare: f64,
    /// Unrounded percentage change; `None` when the base is 0.
    pub percent: Option<f64>,
}

impl Change {
    pub fn new(base: f64, compare: f64) -> Change {
        Change { base, compare, percent: percent_change(base, compare) }
    }

    /// The percentage rounded to one decimal, as published.
    pub fn published_percent(&self) -> Option<f64> {
        self.percent.map(round1)
    }

    /// Which way the figure went: a zero base is [`Direction::New`] when the compared value
    /// is not zero and [`Direction::None`] (no data either year) when it is.
    pub fn direction(&self) -> Direction {
        if self.base == 0.0 {
            return if self.compare == 0.0 { Direction::None } else { Direction::New };
        }
        match self.compare.partial_cmp(&self.base) {
            Some(std::cmp::Ordering::Greater) => Direction::Up,
            Some(std::cmp::Ordering::Less) => Direction::Down,
            _ => Direction::Same,
        }
    }
}

/// The direction of a [`Change`], as the map colours it and the API writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
    /// Zero in the base year, something in the compared one: there is no percentage.
    New,
    /// Zero in both years.
    None,
}

impl Direction {
    /// `up`, `down`, `same`, `new` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "same",
            Direction::New => "new",
            Direction::None => "none",
        }
    }
}

/// Population-weighted mean of per-capita values: Σ(value × population) / Σ population,
/// i.e. the per-capita figure of the villages taken together. `None` without population.
pub fn weighted_per_capita(rows: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (weighted, population) =
        rows.into_iter().fold((0.0, 0.0), |(sum, pop), (value, weight)| (sum + value * weight, pop + weight));
    (population > 0.0).then(|| weighted / population)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero_to_one_decimal() {
        assert_eq!(round1(-31.25), -31.3);
        assert_eq!(round1(11.749), 11.7);
        assert_eq!(round1(2.45), 2.5);
    }

    #[test]
    fn the_published_demo_changes_round_as_printed() {
        assert_eq!(Change::new(1000.0, 687.0).published_percent(), Some(-31.3));
        assert_eq!(Change::new(1000.0, 655.0).published_percent(), Some(-34.5));
        assert_eq!(Change::new(55.0, 24.0).published_percent(), Some(-56.4));
    }

    #[test]
    fn a_zero_base_has_no_percentage() {
        assert_eq!(Change::new(0.0, 3.0).published_percent(), None);
        assert_eq!(Change::new(0.0, 0.0).percent, None);
    }

    #[test]
    fn a_change_has_a_direction_and_a_zero_base_is_new_or_nothing() {
        assert_eq!(Change::new(4.0, 6.0).direction(), Direction::Up);
        assert_eq!(Change::new(4.0, 0.0).direction(), Direction::Down);
        assert_eq!(Change::new(4.0, 4.0).direction(), Direction::Same);
        assert_eq!(Change::new(0.0, 2.0).direction(), Direction::New);
        assert_eq!(Change::new(0.0, 0.0).direction(), Direction::None);
        assert_eq!(Direction::New.as_str(), "new");
    }

    #[test]
    fn per_capita_is_weighted_by_population() {
        assert_eq!(weighted_per_capita([(10_000.0, 100.0), (20_000.0, 300.0)]), Some(17_500.0));
        assert_eq!(weighted_per_capita(Vec::<(f64, f64)>::new()), None);
    }
}
