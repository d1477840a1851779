//! Km intervals along the border and sets of them: post sectors, stretches covered by patrols,
//! and the gaps between them are all computed with this algebra.
//!
//! Kilometres are measured along the line from km 0 (see [`crate::border::Border`]). Intervals
//! are closed, `[start_km, end_km]`.

use serde::Serialize;

use super::error::BorderError;

/// A closed interval `[start_km, end_km]` along the line, km. Finite, `start_km <= end_km`
/// (a single km, `start_km == end_km`, is allowed).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KmInterval {
    start_km: f64,
    end_km: f64,
}

impl KmInterval {
    /// Checks that both ends are finite and `start_km <= end_km`.
    pub fn new(start_km: f64, end_km: f64) -> Result<KmInterval, BorderError> {
        if !start_km.is_finite() || !end_km.is_finite() {
            return Err(BorderError::IntervalNotFinite { start_km, end_km });
        }
        if start_km > end_km {
            return Err(BorderError::IntervalReversed { start_km, end_km });
        }
        Ok(KmInterval { start_km, end_km })
    }

    pub fn start_km(&self) -> f64 {
        self.start_km
    }

    pub fn end_km(&self) -> f64 {
        self.end_km
    }

    /// `end_km - start_km`, km.
    pub fn length_km(&self) -> f64 {
        self.end_km - self.start_km
    }

    /// True when `km` lies in the closed interval.
    pub fn contains(&self, km: f64) -> bool {
        self.start_km <= km && km <= self.end_km
    }

    /// The common part, if any. Touching intervals meet in a single km.
    pub fn intersection(&self, other: &KmInterval) -> Option<KmInterval> {
        let start_km = self.start_km.max(other.start_km);
        let end_km = self.end_km.min(other.end_km);
        (start_km <= end_km).then_some(KmInterval { start_km, end_km })
    }
}

/// A set of km along the line, held as sorted, disjoint intervals of positive length.
/// Overlapping or touching intervals are merged; single-km intervals carry no length and are
/// dropped.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct KmIntervals {
    intervals: Vec<KmInterval>,
}

impl KmIntervals {
    /// The empty set.
    pub fn new() -> KmIntervals {
        KmIntervals::default()
    }

    /// The union of the given intervals.
    pub fn from_intervals(intervals: impl IntoIterator<Item = KmInterval>) -> KmIntervals {
        let mut sorted: Vec<KmInterval> = intervals.into_iter().filter(|i| i.length_km() > 0.0).collect();
        sorted.sort_by(|a, b| a.start_km.total_cmp(&b.start_km));
        let mut merged: Vec<KmInterval> = Vec::with_capacity(sorted.len());
        for interval in sorted {
            match merged.last_mut() {
                Some(last) if interval.start_km <= last.end_km => {
                    last.end_km = last.end_km.max(interval.end_km);
                }
                _ => merged.push(interval),
            }
        }
        KmIntervals { intervals: merged }
    }

    /// The disjoint intervals in km order.
    pub fn intervals(&self) -> &[KmInterval] {
        &self.intervals
    }

    pub fn is_empty(&self) -> bool {
        self.intervals.is_empty()
    }

    /// True when `km` lies in one of the intervals.
    pub fn contains(&self, km: f64) -> bool {
        let i = self.intervals.partition_point(|iv| iv.end_km < km);
        self.intervals.get(i).is_some_and(|iv| iv.contains(km))
    }

    /// Adds one interval.
    pub fn insert(&mut self, interval: KmInterval) {
        let all = std::mem::take(&mut self.intervals);
        *self = KmIntervals::from_intervals(all.into_iter().chain(std::iter::once(interval)));
    }

    /// Everything in either set.
    pub fn union(&self, other: &KmIntervals) -> KmIntervals {
        KmIntervals::from_intervals(self.intervals.iter().chain(&other.intervals).copied())
    }

    /// Everything in both sets (positive-length parts only).
    pub fn intersection(&self, other: &KmIntervals) -> KmIntervals {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while let (Some(a), Some(b)) = (self.intervals.get(i), other.intervals.get(j)) {
            if let Some(common) = a.intersection(b).filter(|c| c.length_km() > 0.0) {
                out.push(common);
            }
            if a.end_km < b.end_km {
                i += 1;
            } else {
                j += 1;
            }
        }
        KmIntervals { intervals: out }
    }

    /// Total length of the set, km.
    pub fn total_km(&self) -> f64 {
        // A fold from +0.0: `Sum` for floats starts from −0.0, which an empty set would print
        // as "-0.0".
        self.intervals.iter().map(KmInterval::length_km).fold(0.0, |total, length| total + length)
    }

    /// The parts of `range` not covered by the set (positive-length gaps only), e.g. the
    /// stretches of a post's sector that no patrol walked.
    pub fn gaps_within(&self, range: KmInterval) -> KmIntervals {
        let mut gaps = Vec::new();
        let mut cursor = range.start_km;
        for iv in &self.intervals {
            if iv.end_km <= cursor {
                continue;
            }
            if iv.start_km >= range.end_km {
                break;
            }
            if iv.start_km > cursor {
                gaps.push(KmInterval { start_km: cursor, end_km: iv.start_km });
            }
            cursor = iv.end_km;
        }
        if cursor < range.end_km {
            gaps.push(KmInterval { start_km: cursor, end_km: range.end_km });
        }
        KmIntervals { intervals: gaps }
    }
}

impl FromIterator<KmInterval> for KmIntervals {
    fn from_iter<I: IntoIterator<Item = KmInterval>>(iter: I) -> Self {
        KmIntervals::from_intervals(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(start_km: f64, end_km: f64) -> KmInterval {
        KmInterval::new(start_km, end_km).unwrap()
    }

    fn set(pairs: &[(f64, f64)]) -> KmIntervals {
        pairs.iter().map(|&(s, e)| iv(s, e)).collect()
    }

    #[test]
    fn an_empty_set_has_a_positive_zero_length() {
        let empty = set(&[]);
        assert_eq!(empty.total_km(), 0.0);
        assert!(empty.total_km().is_sign_positive(), "an empty set's length must not print as -0.0");
        assert_eq!(set(&[(1.0, 2.5), (4.0, 5.0)]).total_km(), 2.5);
    }

    fn pairs(s: &KmIntervals) -> Vec<(f64, f64)> {
        s.intervals().iter().map(|i| (i.start_km(), i.end_km())).collect()
    }

    #[test]
    fn an_interval_must_be_finite_and_ordered() {
        assert_eq!(KmInterval::new(2.0, 1.0), Err(BorderError::IntervalReversed { start_km: 2.0, end_km: 1.0 }));
        assert_eq!(KmInterval::new(0.0, f64::INFINITY).unwrap_err().code(), "border.interval_not_finite");
        assert_eq!(KmInterval::new(f64::NAN, 1.0).unwrap_err().code(), "border.interval_not_finite");
        assert_eq!(iv(3.0, 3.0).length_km(), 0.0);
    }

    #[test]
    fn interval_intersection_handles_touching_and_disjoint() {
        assert_eq!(iv(0.0, 5.0).intersection(&iv(3.0, 9.0)), Some(iv(3.0, 5.0)));
        assert_eq!(iv(0.0, 5.0).intersection(&iv(5.0, 9.0)), Some(iv(5.0, 5.0)));
        assert_eq!(iv(0.0, 5.0).intersection(&iv(6.0, 9.0)), None);
        assert!(iv(0.0, 5.0).contains(5.0) && !iv(0.0, 5.0).contains(5.1));
    }

    #[test]
    fn overlapping_touching_and_nested_intervals_merge() {
        let s = set(&[(10.0, 20.0), (0.0, 5.0), (5.0, 8.0), (12.0, 15.0), (19.0, 25.0)]);
        assert_eq!(pairs(&s), [(0.0, 8.0), (10.0, 25.0)]);
        assert_eq!(s.total_km(), 23.0);
    }

    #[test]
    fn zero_length_intervals_are_dropped() {
        let s = set(&[(3.0, 3.0)]);
        assert!(s.is_empty());
        assert_eq!(s.total_km(), 0.0);
    }

    #[test]
    fn union_and_insert_agree() {
        let a = set(&[(0.0, 2.0), (6.0, 8.0)]);
        let b = set(&[(1.0, 3.0), (8.0, 9.0), (20.0, 21.0)]);
        assert_eq!(pairs(&a.union(&b)), [(0.0, 3.0), (6.0, 9.0), (20.0, 21.0)]);
        let mut c = a.clone();
        for i in b.intervals() {
            c.insert(*i);
        }
        assert_eq!(c, a.union(&b));
        assert_eq!(a.union(&KmIntervals::new()), a);
    }

    #[test]
    fn intersection_keeps_positive_length_overlaps() {
        let a = set(&[(0.0, 5.0), (10.0, 20.0)]);
        let b = set(&[(5.0, 12.0), (15.0, 16.0), (19.0, 30.0)]);
        assert_eq!(pairs(&a.intersection(&b)), [(10.0, 12.0), (15.0, 16.0), (19.0, 20.0)]);
        assert!(a.intersection(&KmIntervals::new()).is_empty());
        assert_eq!(a.intersection(&a), a);
        // Nested: the inner interval survives whole.
        assert_eq!(pairs(&set(&[(0.0, 100.0)]).intersection(&set(&[(40.0, 60.0)]))), [(40.0, 60.0)]);
    }

    #[test]
    fn gaps_within_a_range() {
        let covered = set(&[(2.0, 4.0), (6.0, 7.0), (9.0, 12.0)]);
        assert_eq!(pairs(&covered.gaps_within(iv(0.0, 10.0))), [(0.0, 2.0), (4.0, 6.0), (7.0, 9.0)]);
        assert_eq!(pairs(&covered.gaps_within(iv(3.0, 6.5))), [(4.0, 6.0)]);
        assert!(covered.gaps_within(iv(2.5, 3.5)).is_empty());
        assert_eq!(pairs(&covered.gaps_within(iv(20.0, 30.0))), [(20.0, 30.0)]);
        assert_eq!(pairs(&KmIntervals::new().gaps_within(iv(1.0, 2.0))), [(1.0, 2.0)]);
        assert!(covered.gaps_within(iv(5.0, 5.0)).is_empty());
        // Gaps plus coverage make up the range.
        let range = iv(0.0, 15.0);
        let covered_in_range = covered.intersection(&KmIntervals::from_intervals([range]));
        assert_eq!(covered.gaps_within(range).total_km() + covered_in_range.total_km(), 15.0);
    }

    #[test]
    fn contains_looks_in_every_interval() {
        let s = set(&[(0.0, 1.0), (5.0, 6.0)]);
        assert!(s.contains(0.0) && s.contains(1.0) && s.contains(5.5));
        assert!(!s.contains(3.0) && !s.contains(6.01) && !s.contains(f64::NAN));
    }
}
