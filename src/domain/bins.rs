//! Fixed-width km bins along the border (bin `i` covers `[i × width, (i + 1) × width)`, the last
//! one ends at the end of the line), and the years a bin comparison sets against each other.
//! Incidents per bin, this year against last, are what the border strip and the map show.

use std::ops::RangeInclusive;

use super::DomainError;
use super::period::YEARS;

/// The bin widths a request may ask for, km.
pub const BIN_KM: RangeInclusive<f64> = 1.0..=100.0;
/// The bin width of the border strip when none is asked for, km.
pub const DEFAULT_BIN_KM: f64 = 10.0;

/// A bin width within [`BIN_KM`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BinWidth(f64);

impl BinWidth {
    pub fn new(km: f64) -> Result<BinWidth, DomainError> {
        if BIN_KM.contains(&km) {
            Ok(BinWidth(km))
        } else {
            Err(DomainError::InvalidBinKm { value: km.to_string(), min: *BIN_KM.start(), max: *BIN_KM.end() })
        }
    }

    /// Parses a width such as `10` or `2.5` (km).
    ///
    /// ```
    /// use banna_border::domain::bins::BinWidth;
    /// assert_eq!(BinWidth::parse("2.5").unwrap().km(), 2.5);
    /// assert!(BinWidth::parse("0.5").is_err() && BinWidth::parse("ten").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<BinWidth, DomainError> {
        let invalid = || DomainError::InvalidBinKm { value: text.to_owned(), min: *BIN_KM.start(), max: *BIN_KM.end() };
        let km: f64 = text.trim().parse().map_err(|_| invalid())?;
        BinWidth::new(km).map_err(|_| invalid())
    }

    pub fn km(self) -> f64 {
        self.0
    }
}

impl Default for BinWidth {
    fn default() -> Self {
        BinWidth(DEFAULT_BIN_KM)
    }
}

/// The bins of a line `length_km` long.
///
/// ```
/// use banna_border::domain::bins::{BinWidth, KmBins};
/// let bins = KmBins::new(BinWidth::new(10.0).unwrap(), 25.0);
/// assert_eq!(bins.count(), 3);
/// assert_eq!(bins.range(2), (20.0, 25.0));
/// assert_eq!(bins.index_of_raw(2), Some(2));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KmBins {
    width_km: f64,
    length_km: f64,
    count: usize,
}

impl KmBins {
    /// A line of no (or no finite) length has no bins.
    pub fn new(width: BinWidth, length_km: f64) -> KmBins {
        let width_km = width.km();
        if !(length_km.is_finite() && length_km > 0.0) {
            return KmBins { width_km, length_km: 0.0, count: 0 };
        }
        let mut count = (length_km / width_km).ceil() as usize;
        // A last bin shorter than a millimetre is float noise of a length that is a whole
        // number of bins: it belongs to the bin before.
        if count > 1 && length_km - (count - 1) as f64 * width_km < 1e-6 {
            count -= 1;
        }
        KmBins { width_km, length_km, count: count.max(1) }
    }

    pub fn width_km(&self) -> f64 {
        self.width_km
    }

    pub fn length_km(&self) -> f64 {
        self.length_km
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// `(start_km, end_km)` of bin `index`; the last bin ends at the end of the line.
    pub fn range(&self, index: usize) -> (f64, f64) {
        let start_km = index as f64 * self.width_km;
        let end_km = if index + 1 >= self.count { self.length_km } else { (index + 1) as f64 * self.width_km };
        (start_km, end_km)
    }

    /// The bin of a raw index `floor(km / width)`: a km at (or within float noise past) the end
    /// of the line belongs to the last bin, one before km 0 to the first. `None` without bins.
    pub fn index_of_raw(&self, raw: i64) -> Option<usize> {
        let last = self.count.checked_sub(1)?;
        Some(usize::try_from(raw.max(0)).unwrap_or(last).min(last))
    }

    /// The bin of a km along the line (see [`KmBins::index_of_raw`]); `None` for NaN.
    pub fn index_of(&self, km: f64) -> Option<usize> {
        if km.is_nan() {
            return None;
        }
        self.index_of_raw((km / self.width_km).floor() as i64)
    }
}

/// Two calendar years within [`YEARS`], the base strictly before the compared one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearPair {
    base: i32,
    compare: i32,
}

impl YearPair {
    pub fn new(base: i32, compare: i32) -> Result<YearPair, DomainError> {
        for year in [base, compare] {
            if !YEARS.contains(&year) {
                return Err(DomainError::InvalidYear {
                    value: year.to_string(),
                    min: *YEARS.start(),
                    max: *YEARS.end(),
                });
            }
        }
        if base >= compare {
            return Err(DomainError::YearsNotAscending { base, compare });
        }
        Ok(YearPair { base, compare })
    }

    pub fn base(&self) -> i32 {
        self.base
    }

    pub fn compare(&self) -> i32 {
        self.compare
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(km: f64) -> BinWidth {
        BinWidth::new(km).expect("a valid width")
    }

    #[test]
    fn widths_outside_one_to_a_hundred_km_are_refused() {
        assert!(BinWidth::new(1.0).is_ok() && BinWidth::new(100.0).is_ok());
        for km in [0.999, 100.001, 0.0, -10.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(BinWidth::new(km), Err(DomainError::InvalidBinKm { .. })), "{km}");
        }
        assert_eq!(
            BinWidth::parse(" 1e3 "),
            Err(DomainError::InvalidBinKm { value: " 1e3 ".to_owned(), min: 1.0, max: 100.0 })
        );
        assert_eq!(BinWidth::default().km(), 10.0);
    }

    #[test]
    fn the_last_bin_ends_at_the_end_of_the_line() {
        let bins = KmBins::new(width(10.0), 673.241);
        assert_eq!(bins.count(), 68);
        assert_eq!(bins.range(0), (0.0, 10.0));
        assert_eq!(bins.range(66), (660.0, 670.0));
        assert_eq!(bins.range(67), (670.0, 673.241));
    }

    #[test]
    fn a_line_of_whole_bins_has_no_sliver_bin() {
        let bins = KmBins::new(width(10.0), 30.0);
        assert_eq!(bins.count(), 3);
        assert_eq!(bins.range(2), (20.0, 30.0));
        assert_eq!(bins.index_of(30.0), Some(2), "the end of the line is in the last bin");
        assert_eq!(KmBins::new(width(10.0), 30.000_000_001).count(), 3);
        assert_eq!(KmBins::new(width(10.0), 30.01).count(), 4);
    }

    #[test]
    fn a_km_falls_in_the_bin_that_starts_at_or_before_it() {
        let bins = KmBins::new(width(10.0), 673.241);
        assert_eq!(bins.index_of(0.0), Some(0));
        assert_eq!(bins.index_of(9.999), Some(0));
        assert_eq!(bins.index_of(10.0), Some(1));
        assert_eq!(bins.index_of(673.241), Some(67));
        assert_eq!(bins.index_of(-0.5), Some(0));
        assert_eq!(bins.index_of(f64::NAN), None);
        assert_eq!(bins.index_of_raw(i64::MAX), Some(67));
        assert_eq!(bins.index_of_raw(-3), Some(0));
    }

    #[test]
    fn a_line_without_length_has_no_bins() {
        let bins = KmBins::new(width(10.0), 0.0);
        assert_eq!(bins.count(), 0);
        assert_eq!(bins.index_of(0.0), None);
        assert_eq!(KmBins::new(width(10.0), f64::NAN).count(), 0);
        assert_eq!(KmBins::new(width(10.0), 4.0).count(), 1);
    }

    #[test]
    fn years_must_be_in_range_and_ascending() {
        let first = *YEARS.start();
        let last = *YEARS.end();
        assert_eq!(YearPair::new(first, last).map(|pair| (pair.base(), pair.compare())), Ok((first, last)));
        assert!(matches!(YearPair::new(first - 1, 2024), Err(DomainError::InvalidYear { .. })));
        assert!(matches!(YearPair::new(2023, last + 1), Err(DomainError::InvalidYear { .. })));
        assert_eq!(YearPair::new(2024, 2024), Err(DomainError::YearsNotAscending { base: 2024, compare: 2024 }));
        assert_eq!(YearPair::new(2025, 2024), Err(DomainError::YearsNotAscending { base: 2025, compare: 2024 }));
    }
}
