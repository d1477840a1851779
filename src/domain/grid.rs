//! The square-ish cells the map's heat layer counts incidents in: a grid in WGS84 degrees whose
//! cells measure `cell_km` × `cell_km` at a reference latitude φ₀.
//!
//! Cell `(i, j)` covers lon `[−180 + i·Δλ, −180 + (i+1)·Δλ)` and lat `[−90 + j·Δφ, −90 +
//! (j+1)·Δφ)`, so `i = ⌊(lon + 180) / Δλ⌋` and `j = ⌊(lat + 90) / Δφ⌋` (never negative, which
//! lets SQLite's integer cast serve as the floor). The steps come from the WGS84 ellipsoid at
//! φ₀: `Δφ = cell_km / (M(φ₀)·π/180)` and `Δλ = cell_km / (N(φ₀)·cos φ₀·π/180)`, with `M` the
//! meridian and `N` the prime-vertical radius of curvature. Cells are therefore `cell_km` wide
//! and high at φ₀; north or south of it their height hardly changes and their width follows
//! `cos φ` (about 0.7 % per degree of latitude near 22° N). Not an equal-area grid: counts of
//! cells one or two degrees apart compare to within a few percent.

use std::ops::RangeInclusive;

use super::DomainError;

/// The cell sizes a request may ask for, km.
pub const CELL_KM: RangeInclusive<f64> = 1.0..=50.0;
/// The cell size when none is asked for (the map's heat layer), km.
pub const DEFAULT_CELL_KM: f64 = 5.0;

/// WGS84 semi-major axis, m.
const WGS84_A_M: f64 = 6_378_137.0;
/// WGS84 flattening.
const WGS84_F: f64 = 1.0 / 298.257_223_563;

/// km of one degree of latitude (along the meridian) at latitude `lat_deg`, WGS84.
pub fn km_per_degree_lat(lat_deg: f64) -> f64 {
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let s = lat_deg.to_radians().sin();
    let m = WGS84_A_M * (1.0 - e2) / (1.0 - e2 * s * s).powf(1.5);
    m * std::f64::consts::PI / 180.0 / 1000.0
}

/// km of one degree of longitude (along the parallel) at latitude `lat_deg`, WGS84.
pub fn km_per_degree_lon(lat_deg: f64) -> f64 {
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let phi = lat_deg.to_radians();
    let n = WGS84_A_M / (1.0 - e2 * phi.sin() * phi.sin()).sqrt();
    n * phi.cos() * std::f64::consts::PI / 180.0 / 1000.0
}

/// A cell size within [`CELL_KM`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellSize(f64);

impl CellSize {
    pub fn new(km: f64) -> Result<CellSize, DomainError> {
        if CELL_KM.contains(&km) { Ok(CellSize(km)) } else { Err(invalid(&km.to_string())) }
    }

    /// Parses a size such as `5` or `2.5` (km).
    ///
    /// ```
    /// use banna_border::domain::grid::CellSize;
    /// assert_eq!(CellSize::parse(" 2.5 ").unwrap().km(), 2.5);
    /// assert!(CellSize::parse("0.5").is_err() && CellSize::parse("51").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<CellSize, DomainError> {
        let km: f64 = text.trim().parse().map_err(|_| invalid(text))?;
        CellSize::new(km).map_err(|_| invalid(text))
    }

    pub fn km(self) -> f64 {
        self.0
    }
}

fn invalid(value: &str) -> DomainError {
    DomainError::InvalidCellKm { value: value.to_owned(), min: *CELL_KM.start(), max: *CELL_KM.end() }
}

/// The grid of one cell size and reference latitude.
///
/// ```
/// use banna_border::domain::grid::{CellGrid, CellSize};
/// let grid = CellGrid::new(CellSize::new(5.0).unwrap(), 22.0);
/// let (i, j) = grid.cell_of(100.5, 21.9);
/// let [west, south, east, north] = grid.bounds(i, j);
/// assert!(west <= 100.5 && 100.5 < east && south <= 21.9 && 21.9 < north);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellGrid {
    cell_km: f64,
    ref_lat: f64,
    dlon: f64,
    dlat: f64,
}

/// Where the cell indexes count from: `[lon, lat]` degrees.
pub const ORIGIN: [f64; 2] = [-180.0, -90.0];

impl CellGrid {
    /// `ref_lat` is clamped to ±80° (the cells would be absurdly wide nearer the poles).
    pub fn new(size: CellSize, ref_lat: f64) -> CellGrid {
        let ref_lat = if ref_lat.is_finite() { ref_lat.clamp(-80.0, 80.0) } else { 0.0 };
        let cell_km = size.km();
        CellGrid {
            cell_km,
            ref_lat,
            dlon: cell_km / km_per_degree_lon(ref_lat),
            dlat: cell_km / km_per_degree_lat(ref_lat),
        }
    }

    pub fn cell_km(&self) -> f64 {
        self.cell_km
    }

    /// φ₀, degrees.
    pub fn ref_lat(&self) -> f64 {
        self.ref_lat
    }

    /// Δλ, degrees of longitude per cell.
    pub fn dlon(&self) -> f64 {
        self.dlon
    }

    /// Δφ, degrees of latitude per cell.
    pub fn dlat(&self) -> f64 {
        self.dlat
    }

    /// `(i, j)` of the cell holding a WGS84 point (the same arithmetic the database does).
    pub fn cell_of(&self, lon: f64, lat: f64) -> (i64, i64) {
        (((lon - ORIGIN[0]) / self.dlon).floor() as i64, ((lat - ORIGIN[1]) / self.dlat).floor() as i64)
    }

    /// `[west, south, east, north]` of cell `(i, j)`, degrees.
    pub fn bounds(&self, i: i64, j: i64) -> [f64; 4] {
        let west = ORIGIN[0] + i as f64 * self.dlon;
        let south = ORIGIN[1] + j as f64 * self.dlat;
        [west, south, ORIGIN[0] + (i + 1) as f64 * self.dlon, ORIGIN[1] + (j + 1) as f64 * self.dlat]
    }

    /// The cell's outline as a closed ring, counter-clockwise (south-west, south-east,
    /// north-east, north-west, south-west), as RFC 7946 wants exterior rings.
    pub fn ring(&self, i: i64, j: i64) -> Vec<Vec<f64>> {
        let [west, south, east, north] = self.bounds(i, j);
        vec![vec![west, south], vec![east, south], vec![east, north], vec![west, north], vec![west, south]]
    }

    /// `(width_km, height_km)` of cell `(i, j)` at its middle latitude.
    pub fn size_km(&self, i: i64, j: i64) -> (f64, f64) {
        let [_, south, _, north] = self.bounds(i, j);
        let middle = (south + north) / 2.0;
        (self.dlon * km_per_degree_lon(middle), self.dlat * km_per_degree_lat(middle))
    }
}

#[cfg(test)]
mod tests {
    use geo::{Distance, Geodesic, Point};

    use super::*;

    fn geodesic_km(a: (f64, f64), b: (f64, f64)) -> f64 {
        Geodesic.distance(Point::new(a.0, a.1), Point::new(b.0, b.1)) / 1000.0
    }

    #[test]
    fn degree_lengths_agree_with_geodesic_distances() {
        for lat in [0.0, 21.5, 45.0, 60.0] {
            // A short step measured on the ellipsoid by Karney's method, scaled to one degree.
            let step = 0.001;
            let along_meridian = geodesic_km((100.0, lat - step / 2.0), (100.0, lat + step / 2.0)) / step;
            let along_parallel = geodesic_km((100.0, lat), (100.0 + step, lat)) / step;
            assert!((km_per_degree_lat(lat) - along_meridian).abs() < 1e-6, "{lat}");
            assert!((km_per_degree_lon(lat) - along_parallel).abs() < 1e-6, "{lat}");
        }
    }

    #[test]
    fn cells_measure_their_size_at_the_reference_latitude() {
        let grid = CellGrid::new(CellSize::new(5.0).expect("valid"), 21.7);
        let (i, j) = grid.cell_of(100.8, 21.7);
        let [west, south, east, north] = grid.bounds(i, j);
        let middle = (south + north) / 2.0;
        // Near φ₀ the cell's edges measure 5 km on the ellipsoid (to within the change of
        // latitude across half a cell).
        assert!((geodesic_km((west, middle), (east, middle)) - 5.0).abs() < 0.01);
        assert!((geodesic_km((west, south), (west, north)) - 5.0).abs() < 0.01);
        let (width, height) = grid.size_km(i, j);
        assert!((width - 5.0).abs() < 0.01 && (height - 5.0).abs() < 0.01);
        // Two degrees further north a cell is narrower, by the cosine.
        let (_, far) = grid.cell_of(100.8, 23.7);
        let (width_north, _) = grid.size_km(i, far);
        let ratio = 23.7_f64.to_radians().cos() / 21.7_f64.to_radians().cos();
        assert!((width_north / 5.0 - ratio).abs() < 0.002, "{width_north}");
    }

    #[test]
    fn every_point_lies_in_the_cell_it_is_counted_in() {
        let grid = CellGrid::new(CellSize::new(1.0).expect("valid"), 22.0);
        for (lon, lat) in [(99.1, 21.1), (101.83, 22.59), (-179.999, -89.999), (179.999, 89.999), (0.0, 0.0)] {
            let (i, j) = grid.cell_of(lon, lat);
            assert!(i >= 0 && j >= 0);
            let [west, south, east, north] = grid.bounds(i, j);
            assert!(west <= lon && lon < east, "{lon}");
            assert!(south <= lat && lat < north, "{lat}");
        }
    }

    #[test]
    fn rings_are_closed_and_counter_clockwise() {
        let grid = CellGrid::new(CellSize::new(10.0).expect("valid"), 21.5);
        let ring = grid.ring(7, 9);
        assert_eq!(ring.len(), 5);
        assert_eq!(ring.first(), ring.last());
        // The shoelace sum is positive for a counter-clockwise ring.
        let twice_area: f64 = ring.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum();
        assert!(twice_area > 0.0);
    }

    #[test]
    fn sizes_outside_one_to_fifty_km_are_refused() {
        assert!(CellSize::new(1.0).is_ok() && CellSize::new(50.0).is_ok());
        for km in [0.99, 50.01, 0.0, -5.0, f64::NAN, f64::INFINITY] {
            assert!(matches!(CellSize::new(km), Err(DomainError::InvalidCellKm { .. })), "{km}");
        }
        assert_eq!(
            CellSize::parse("five"),
            Err(DomainError::InvalidCellKm { value: "five".to_owned(), min: 1.0, max: 50.0 })
        );
    }
}
