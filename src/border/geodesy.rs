//! WGS84 helpers shared by the border engine: exact geodesics (Karney, through `geo`) and the
//! Earth-centred frame used by the segment index.
//!
//! Conventions: positions are WGS84 longitude/latitude in degrees, distances in metres,
//! azimuths in degrees clockwise from north in `[0, 360)`. Cartesian points are ECEF metres.

use geo::{Bearing, Destination, Distance, Geodesic, Point};

/// WGS84 semi-major axis, metres.
const A_M: f64 = 6_378_137.0;
/// WGS84 flattening.
const F: f64 = 1.0 / 298.257_223_563;
/// First eccentricity squared.
const E2: f64 = F * (2.0 - F);
/// Semi-minor axis, metres.
const B_M: f64 = A_M * (1.0 - F);
/// Second eccentricity squared.
const EP2: f64 = E2 / (1.0 - E2);

/// A point in the Earth-centred, Earth-fixed frame, metres.
pub(crate) type Ecef = [f64; 3];

/// True when `lon` and `lat` are finite WGS84 degrees (`-180..=180`, `-90..=90`).
pub(crate) fn valid_lon_lat(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

/// Geodesic distance in metres between two WGS84 lon/lat points.
pub(crate) fn distance_m(from: [f64; 2], to: [f64; 2]) -> f64 {
    Geodesic.distance(Point::new(from[0], from[1]), Point::new(to[0], to[1]))
}

/// Forward azimuth in degrees `[0, 360)` of the geodesic from `from` to `to` (lon/lat degrees).
pub(crate) fn azimuth_deg(from: [f64; 2], to: [f64; 2]) -> f64 {
    Geodesic.bearing(Point::new(from[0], from[1]), Point::new(to[0], to[1]))
}

/// The lon/lat point reached by walking `distance_m` metres from `from` along the geodesic
/// that leaves it at `azimuth_deg` (degrees clockwise from north).
pub(crate) fn destination(from: [f64; 2], azimuth_deg: f64, distance_m: f64) -> [f64; 2] {
    let p = Geodesic.destination(Point::new(from[0], from[1]), azimuth_deg, distance_m);
    [p.x(), p.y()]
}

/// Normalises an angle in degrees to `[0, 360)`.
pub(crate) fn normalize_deg(angle_deg: f64) -> f64 {
    let a = angle_deg.rem_euclid(360.0);
    if a >= 360.0 { 0.0 } else { a }
}

/// ECEF position (metres) of a point on the ellipsoid surface at WGS84 lon/lat degrees.
pub(crate) fn to_ecef(lon: f64, lat: f64) -> Ecef {
    let (sin_lat, cos_lat) = lat.to_radians().sin_cos();
    let (sin_lon, cos_lon) = lon.to_radians().sin_cos();
    let n = A_M / (1.0 - E2 * sin_lat * sin_lat).sqrt();
    [n * cos_lat * cos_lon, n * cos_lat * sin_lon, n * (1.0 - E2) * sin_lat]
}

/// WGS84 lon/lat degrees of an ECEF point close to the surface (Bowring's closed form;
/// sub-millimetre for heights within a few kilometres, which is all the engine produces).
pub(crate) fn from_ecef(p: Ecef) -> [f64; 2] {
    let horizontal = p[0].hypot(p[1]);
    let theta = (p[2] * A_M).atan2(horizontal * B_M);
    let (sin_t, cos_t) = theta.sin_cos();
    let lat = (p[2] + EP2 * B_M * sin_t * sin_t * sin_t).atan2(horizontal - E2 * A_M * cos_t * cos_t * cos_t);
    [p[1].atan2(p[0]).to_degrees(), lat.to_degrees()]
}

/// Moves an ECEF point along the ray from the Earth's centre onto the ellipsoid surface.
/// Applied to a point of the chord between two nearby surface points, it gives the point of the
/// great-elliptic arc between them, which stays within a fraction of a millimetre of the
/// geodesic for chords up to a few kilometres.
pub(crate) fn onto_surface(p: Ecef) -> Ecef {
    let q = (p[0] * p[0] + p[1] * p[1]) / (A_M * A_M) + p[2] * p[2] / (B_M * B_M);
    if q <= 0.0 {
        return p;
    }
    let s = 1.0 / q.sqrt();
    [p[0] * s, p[1] * s, p[2] * s]
}

/// Chords up to this length, metres, are converted to geodesic distance by
/// [`surface_distance_m`]'s series; longer ones go through the exact inverse problem.
pub(crate) const SERIES_MAX_CHORD_M: f64 = 100_000.0;

/// Geodesic distance, metres, between two points on the ellipsoid surface (ECEF metres) whose
/// chord is at most [`SERIES_MAX_CHORD_M`], from the chord length `c` and the curvature `κ` of
/// the normal section along the chord at its midpoint: `s = (2/κ)·asin(cκ/2)`, expanded to the
/// seventh order. A geodesic this short is a plane curve of near-constant curvature to well
/// within a millimetre (the unit tests check the result against Karney's inverse), so this
/// stands in for the inverse problem at a few per cent of its cost.
pub(crate) fn surface_distance_m(p: Ecef, q: Ecef) -> f64 {
    let d = sub(p, q);
    let c2 = dot(d, d);
    if c2 == 0.0 {
        return 0.0;
    }
    let m = onto_surface(scale(add(p, q), 0.5));
    let gradient = surface_normal(m);
    // Normal curvature of the ellipsoid along `d`: (dᵀ H d / |d|²) / |∇F| with F = x²/a² + …
    let curvature = ((d[0] * d[0] + d[1] * d[1]) / (A_M * A_M) + d[2] * d[2] / (B_M * B_M)) / c2 / norm(gradient);
    let c = c2.sqrt();
    let x = c * c * curvature * curvature;
    c * (1.0 + x * (1.0 / 24.0 + x * (3.0 / 640.0 + x * (5.0 / 7168.0))))
}

/// Outward surface normal (not normalised) of the ellipsoid at a surface point.
pub(crate) fn surface_normal(p: Ecef) -> Ecef {
    [p[0] / (A_M * A_M), p[1] / (A_M * A_M), p[2] / (B_M * B_M)]
}

/// Largest gap in metres between a chord of the given length and the surface arc above it
/// (the sagitta on the sphere of the largest curvature radius of the ellipsoid, padded).
pub(crate) fn sagitta_bound_m(chord_m: f64) -> f64 {
    // The smallest radius of curvature of WGS84 is the meridian one at the equator,
    // a(1-e²) ≈ 6 335 439 m; a smaller radius only makes the bound larger (safer).
    const MIN_RADIUS_M: f64 = 6_300_000.0;
    chord_m * chord_m / (8.0 * MIN_RADIUS_M) * 1.01 + 1e-6
}

pub(crate) fn sub(a: Ecef, b: Ecef) -> Ecef {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

pub(crate) fn add(a: Ecef, b: Ecef) -> Ecef {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

pub(crate) fn scale(a: Ecef, s: f64) -> Ecef {
    [a[0] * s, a[1] * s, a[2] * s]
}

pub(crate) fn dot(a: Ecef, b: Ecef) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub(crate) fn cross(a: Ecef, b: Ecef) -> Ecef {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

pub(crate) fn norm(a: Ecef) -> f64 {
    dot(a, a).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecef_round_trip_is_sub_millimetre() {
        for &(lon, lat) in &[(100.4353, 21.95266), (-179.9, -89.0), (0.0, 0.0), (120.0, 60.0)] {
            let back = from_ecef(to_ecef(lon, lat));
            let gap_m = distance_m([lon, lat], back);
            assert!(gap_m < 1e-3, "round trip moved ({lon},{lat}) by {gap_m} m");
        }
    }

    #[test]
    fn chord_midpoint_lifted_to_surface_is_on_the_geodesic() {
        let a = [100.0, 21.5];
        let b = [100.01, 21.51]; // about 1.5 km
        let mid = onto_surface(scale(add(to_ecef(a[0], a[1]), to_ecef(b[0], b[1])), 0.5));
        let mid_ll = from_ecef(mid);
        let half_m = distance_m(a, b) / 2.0;
        let geodesic_mid = destination(a, azimuth_deg(a, b), half_m);
        assert!(distance_m(mid_ll, geodesic_mid) < 1e-3);
    }

    #[test]
    fn azimuth_and_destination_agree() {
        let from = [101.0, 21.5];
        let to = destination(from, 37.0, 12_345.0);
        assert!((azimuth_deg(from, to) - 37.0).abs() < 1e-9);
        assert!((distance_m(from, to) - 12_345.0).abs() < 1e-6);
    }

    #[test]
    fn chord_series_matches_karney_within_a_millimetre() {
        let mut worst_m: f64 = 0.0;
        for &lat in &[-80.0, -45.0, 0.0, 21.7, 22.3, 60.0, 89.0] {
            for azimuth in (0..360).step_by(15) {
                for &s_m in &[1.0, 150.0, 2_000.0, 20_000.0, 50_000.0, 99_000.0] {
                    let from = [100.5, lat];
                    let to = destination(from, f64::from(azimuth), s_m);
                    let series_m = surface_distance_m(to_ecef(from[0], from[1]), to_ecef(to[0], to[1]));
                    worst_m = worst_m.max((series_m - distance_m(from, to)).abs());
                }
            }
        }
        assert!(worst_m < 1e-3, "worst error {worst_m} m");
    }

    #[test]
    fn validity_rejects_out_of_range_and_non_finite() {
        assert!(valid_lon_lat(180.0, -90.0));
        assert!(!valid_lon_lat(180.1, 0.0));
        assert!(!valid_lon_lat(0.0, 90.5));
        assert!(!valid_lon_lat(f64::NAN, 0.0));
        assert!(!valid_lon_lat(0.0, f64::INFINITY));
    }

    #[test]
    fn normalize_deg_wraps_into_range() {
        assert_eq!(normalize_deg(-90.0), 270.0);
        assert_eq!(normalize_deg(360.0), 0.0);
        assert_eq!(normalize_deg(725.0), 5.0);
    }

    #[test]
    fn sagitta_bound_exceeds_the_spherical_sagitta() {
        let chord_m: f64 = 2000.0;
        assert!(sagitta_bound_m(chord_m) > chord_m * chord_m / (8.0 * 6_371_000.0));
    }
}
