//! GCJ-02, the obfuscated datum of maps published in China (高德/Amap, Tencent, many phone
//! apps), and its conversion to WGS84. Coordinates are lon/lat degrees.
//!
//! GCJ-02 is WGS84 plus a deterministic, smooth shift of a few hundred metres, defined by a
//! published formula: polynomial-plus-sine terms in (lon − 105°, lat − 35°) giving metres on the
//! Krasovsky 1940 ellipsoid, turned into degrees at the point's latitude. Outside a rectangle
//! around China (lon 72.004…137.8347, lat 0.8293…55.8271) no shift is applied and the datum is
//! WGS84 itself. There is no closed-form inverse: [`gcj02_to_wgs84`] iterates the forward shift
//! (fixed point `w ← w − (forward(w) − g)`, which converges because the shift varies slowly),
//! stopping below 1e-10° (about 10 µm), far inside the 0.5 m asked of it.

/// Semi-major axis (m) of the Krasovsky 1940 ellipsoid the formula is stated on.
const SEMI_MAJOR_M: f64 = 6_378_245.0;
/// Its first eccentricity squared.
const ECCENTRICITY_SQ: f64 = 0.006_693_421_622_965_943;
/// Stop inverting when the forward image is this close to the target (degrees).
const INVERSE_TOLERANCE_DEG: f64 = 1e-10;
/// Iterations allowed; three or four suffice in practice.
const INVERSE_MAX_ITERATIONS: usize = 30;

/// The datum coordinates of an input file are given in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Datum {
    #[default]
    Wgs84,
    Gcj02,
}

impl Datum {
    /// `wgs84` or `gcj02` (ASCII case-insensitive).
    pub fn parse(text: &str) -> Option<Datum> {
        match text.trim().to_ascii_lowercase().as_str() {
            "wgs84" => Some(Datum::Wgs84),
            "gcj02" | "gcj-02" => Some(Datum::Gcj02),
            _ => None,
        }
    }

    /// The position in WGS84; non-finite input is returned unchanged (for the caller's
    /// validation to refuse).
    pub fn to_wgs84(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            Datum::Wgs84 => (lon, lat),
            Datum::Gcj02 => gcj02_to_wgs84(lon, lat),
        }
    }
}

/// True where GCJ-02 equals WGS84: outside the rectangle the formula covers.
pub fn outside_china(lon: f64, lat: f64) -> bool {
    !(72.004..=137.8347).contains(&lon) || !(0.8293..=55.8271).contains(&lat)
}

/// Amplitudes of a component's periodic terms in `v` (latitude's in y, longitude's in x):
/// of sin(πv) and sin(πv/3), then of sin(πv/12) and sin(πv/30).
struct Waves {
    near: [f64; 2],
    far: [f64; 2],
}

const LAT_WAVES: Waves = Waves { near: [20.0, 40.0], far: [160.0, 320.0] };
const LON_WAVES: Waves = Waves { near: [20.0, 40.0], far: [150.0, 300.0] };

/// The periodic part of a component: the fine terms in x, shared by both, and the waves in v.
fn periodic(waves: &Waves, x: f64, v: f64) -> f64 {
    use std::f64::consts::PI;
    let sin_pi = |t: f64| (t * PI).sin();
    let fine = 20.0 * sin_pi(6.0 * x) + 20.0 * sin_pi(2.0 * x);
    let near = waves.near[0] * sin_pi(v) + waves.near[1] * sin_pi(v / 3.0);
    let far = waves.far[0] * sin_pi(v / 12.0) + waves.far[1] * sin_pi(v / 30.0);
    (fine + near + far) * 2.0 / 3.0
}

/// The shift (metres-like units before scaling) of longitude and latitude at offsets `x`, `y`
/// from (105°E, 35°N).
fn raw_shift(x: f64, y: f64) -> (f64, f64) {
    let lat =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt() + periodic(&LAT_WAVES, x, y);
    let lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt() + periodic(&LON_WAVES, x, x);
    (lon, lat)
}

/// WGS84 → GCJ-02 (the forward, published direction).
///
/// ```
/// use banna_border::domain::gcj02::wgs84_to_gcj02;
/// let (lon, lat) = wgs84_to_gcj02(100.8, 22.0); // Jinghong
/// assert!((lon - 100.8).abs() > 1e-4 && (lon - 100.8).abs() < 1e-2);
/// assert_eq!(wgs84_to_gcj02(2.35, 48.85), (2.35, 48.85)); // Paris: no shift
/// ```
pub fn wgs84_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    use std::f64::consts::PI;
    if !lon.is_finite() || !lat.is_finite() || outside_china(lon, lat) {
        return (lon, lat);
    }
    let (shift_lon, shift_lat) = raw_shift(lon - 105.0, lat - 35.0);
    let phi = lat / 180.0 * PI;
    let w = 1.0 - ECCENTRICITY_SQ * phi.sin() * phi.sin();
    let meridian_radius = SEMI_MAJOR_M * (1.0 - ECCENTRICITY_SQ) / (w * w.sqrt());
    let parallel_radius = SEMI_MAJOR_M / w.sqrt() * phi.cos();
    let d_lat = shift_lat * 180.0 / (meridian_radius * PI);
    let d_lon = shift_lon * 180.0 / (parallel_radius * PI);
    (lon + d_lon, lat + d_lat)
}

/// GCJ-02 → WGS84, by iterating the forward shift to within 1e-10°.
///
/// ```
/// use banna_border::domain::gcj02::{gcj02_to_wgs84, wgs84_to_gcj02};
/// let (lon, lat) = gcj02_to_wgs84(100.805, 22.002);
/// let back = wgs84_to_gcj02(lon, lat);
/// assert!((back.0 - 100.805).abs() < 1e-9 && (back.1 - 22.002).abs() < 1e-9);
/// ```
pub fn gcj02_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    if !lon.is_finite() || !lat.is_finite() || outside_china(lon, lat) {
        return (lon, lat);
    }
    let (mut w_lon, mut w_lat) = (lon, lat);
    for _ in 0..INVERSE_MAX_ITERATIONS {
        let (g_lon, g_lat) = wgs84_to_gcj02(w_lon, w_lat);
        let (e_lon, e_lat) = (g_lon - lon, g_lat - lat);
        w_lon -= e_lon;
        w_lat -= e_lat;
        if e_lon.abs() < INVERSE_TOLERANCE_DEG && e_lat.abs() < INVERSE_TOLERANCE_DEG {
            break;
        }
    }
    (w_lon, w_lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metres between two nearby points (equirectangular; exact enough below a few km).
    fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
        let mid = ((a.1 + b.1) / 2.0).to_radians();
        let dx = (a.0 - b.0).to_radians() * mid.cos() * 6_371_000.0;
        let dy = (a.1 - b.1).to_radians() * 6_371_000.0;
        dx.hypot(dy)
    }

    #[test]
    fn inverting_the_forward_shift_comes_back_within_half_a_metre() {
        let mut worst: f64 = 0.0;
        for i in 0..=40 {
            for j in 0..=30 {
                let wgs = (73.0 + f64::from(i) * 1.6, 1.0 + f64::from(j) * 1.8);
                let gcj = wgs84_to_gcj02(wgs.0, wgs.1);
                let back = gcj02_to_wgs84(gcj.0, gcj.1);
                worst = worst.max(metres(wgs, back));
            }
        }
        assert!(worst < 0.5, "worst round trip {worst} m");
        assert!(worst < 0.01, "in fact the iteration reaches millimetres: {worst} m");
    }

    #[test]
    fn the_shift_is_hundreds_of_metres_in_china_and_nil_outside() {
        // The offset is published as "a few hundred metres" (typically 100–700 m).
        for (name, wgs) in
            [("Jinghong", (100.797, 22.009)), ("Mengla", (101.565, 21.459)), ("Beijing", (116.391, 39.907))]
        {
            let gcj = wgs84_to_gcj02(wgs.0, wgs.1);
            let shift_m = metres(wgs, gcj);
            assert!((100.0..=700.0).contains(&shift_m), "{name}: {shift_m} m");
        }
        for wgs in [(2.35, 48.85), (-74.0, 40.7), (139.7, 35.7)] {
            assert_eq!(wgs84_to_gcj02(wgs.0, wgs.1), wgs);
            assert_eq!(gcj02_to_wgs84(wgs.0, wgs.1), wgs);
        }
    }

    #[test]
    fn the_datum_names_parse() {
        assert_eq!(Datum::parse("WGS84"), Some(Datum::Wgs84));
        assert_eq!(Datum::parse("gcj02"), Some(Datum::Gcj02));
        assert_eq!(Datum::parse("bd09"), None);
        assert_eq!(Datum::Wgs84.to_wgs84(100.0, 21.0), (100.0, 21.0));
        assert!(Datum::Gcj02.to_wgs84(f64::NAN, 21.0).0.is_nan());
    }
}
