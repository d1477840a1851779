//! Boundary pillars (界桩): numbered points on the border, read from CSV and placed by km so
//! that `locate` can name the pillar nearest to any point.

use std::collections::HashSet;

use serde::Serialize;

use super::Border;
use super::error::BorderError;
use super::geodesy::valid_lon_lat;

/// Farthest a pillar may lie from the loaded line, metres. The shipped line is generalised
/// (up to about 1.6 km off the true border in places), so this is generous; a pillar farther
/// away is almost certainly a typo or swapped coordinates.
pub const PILLAR_MAX_DISTANCE_M: f64 = 5_000.0;

/// A boundary pillar placed on the line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pillar {
    /// The pillar's number as written in the source, e.g. `"243"` or `"243-1"`.
    pub number: String,
    /// WGS84 longitude, degrees.
    pub lon: f64,
    /// WGS84 latitude, degrees.
    pub lat: f64,
    /// km along the line of the pillar's closest point.
    pub border_km: f64,
    /// Geodesic distance from the pillar to the line, metres.
    pub distance_m: f64,
}

impl Border {
    /// Returns this border with its pillars replaced by those in `csv`: one pillar per line as
    /// `number,lon,lat` (WGS84 degrees), an optional header line starting with `number`, blank
    /// lines ignored. Rejects wrong field counts, empty or repeated numbers, invalid
    /// coordinates and pillars more than [`PILLAR_MAX_DISTANCE_M`] from the line.
    pub fn with_pillars_csv(mut self, csv: &str) -> Result<Border, BorderError> {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut pillars = Vec::new();
        self.pillars.clear();
        for (i, raw) in csv.lines().enumerate() {
            let line = i + 1;
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let fields: Vec<&str> = text.split(',').map(str::trim).collect();
            // A header is only recognised before the first pillar.
            if seen.is_empty() && fields.first().is_some_and(|f| f.eq_ignore_ascii_case("number")) {
                continue;
            }
            let &[number, lon, lat] = fields.as_slice() else {
                return Err(BorderError::PillarFieldCount { line, found: fields.len() });
            };
            if number.is_empty() {
                return Err(BorderError::PillarWithoutNumber { line });
            }
            let lon_deg = parse_degrees(line, "lon", lon)?;
            let lat_deg = parse_degrees(line, "lat", lat)?;
            if !valid_lon_lat(lon_deg, lat_deg) {
                let (field, value) = if (-180.0..=180.0).contains(&lon_deg) { ("lat", lat) } else { ("lon", lon) };
                return Err(BorderError::PillarCoordinate { line, field, value: value.to_owned() });
            }
            if !seen.insert(number) {
                return Err(BorderError::DuplicatePillar { line, number: number.to_owned() });
            }
            let Some(location) = self.locate(lon_deg, lat_deg) else {
                return Err(BorderError::PillarCoordinate { line, field: "lon", value: lon.to_owned() });
            };
            if location.distance_m > PILLAR_MAX_DISTANCE_M {
                return Err(BorderError::PillarFarFromLine {
                    line,
                    number: number.to_owned(),
                    distance_m: location.distance_m,
                });
            }
            pillars.push(Pillar {
                number: number.to_owned(),
                lon: lon_deg,
                lat: lat_deg,
                border_km: location.border_km,
                distance_m: location.distance_m,
            });
        }
        pillars.sort_by(|a, b| a.border_km.total_cmp(&b.border_km));
        self.pillars = pillars;
        Ok(self)
    }

    /// The loaded pillars, sorted by km.
    pub fn pillars(&self) -> &[Pillar] {
        &self.pillars
    }

    /// The pillar whose km is nearest to `km` (the lower km wins a tie), if any are loaded.
    pub fn nearest_pillar_by_km(&self, km: f64) -> Option<&Pillar> {
        let after = self.pillars.partition_point(|p| p.border_km < km);
        let before = after.checked_sub(1).and_then(|i| self.pillars.get(i));
        match (before, self.pillars.get(after)) {
            (Some(b), Some(a)) => Some(if km - b.border_km <= a.border_km - km { b } else { a }),
            (b, a) => b.or(a),
        }
    }
}

fn parse_degrees(line: usize, field: &'static str, value: &str) -> Result<f64, BorderError> {
    value.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or_else(|| BorderError::PillarCoordinate {
        line,
        field,
        value: value.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::border::Side;

    /// Pillars 20 m into China at km 10, 50 and 20 (listed out of order), and one on the line.
    fn csv() -> String {
        let border = Border::bundled();
        let mut text = String::from("number,lon,lat\n");
        for (number, km) in [("1", 10.0), ("3", 50.0), ("2", 20.0)] {
            let (lon, lat) = border.offset(km, 20.0, Side::Cn).unwrap();
            text.push_str(&format!("{number},{lon},{lat}\r\n"));
        }
        let on_line = border.point_at(400.0).unwrap();
        text.push_str(&format!("\n 4 , {} , {} \n", on_line.lon, on_line.lat));
        text
    }

    fn err(text: &str) -> BorderError {
        match Border::bundled().clone().with_pillars_csv(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn pillars_are_placed_by_km_and_sorted() {
        let border = Border::bundled().clone().with_pillars_csv(&csv()).unwrap();
        let numbers: Vec<&str> = border.pillars().iter().map(|p| p.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4"]);
        let first = &border.pillars()[0];
        assert!((first.border_km - 10.0).abs() < 0.001);
        assert!((first.distance_m - 20.0).abs() < 0.01);
    }

    #[test]
    fn locate_names_the_pillar_nearest_along_the_line() {
        let border = Border::bundled().clone().with_pillars_csv(&csv()).unwrap();
        // Points on the line have their own km.
        for (km, expected) in [(14.0, "1"), (16.0, "2"), (36.0, "3"), (600.0, "4")] {
            let station = border.point_at(km).unwrap();
            let location = border.locate(station.lon, station.lat).unwrap();
            assert_eq!(location.nearest_pillar.as_deref(), Some(expected), "km {km}");
        }
        assert_eq!(border.nearest_pillar_by_km(0.0).map(|p| p.number.as_str()), Some("1"));
        assert_eq!(border.nearest_pillar_by_km(14.9).map(|p| p.number.as_str()), Some("1"));
    }

    #[test]
    fn without_pillars_there_is_no_nearest_pillar() {
        let border = Border::bundled();
        assert!(border.pillars().is_empty());
        let (lon, lat) = border.offset(14.0, 500.0, Side::Cn).unwrap();
        assert_eq!(border.locate(lon, lat).unwrap().nearest_pillar, None);
    }

    #[test]
    fn pillar_rows_need_three_fields() {
        assert_eq!(err("1,100.0\n"), BorderError::PillarFieldCount { line: 1, found: 2 });
        assert_eq!(err("number,lon,lat\n1,100.0,21.9,x\n"), BorderError::PillarFieldCount { line: 2, found: 4 });
    }

    #[test]
    fn pillar_numbers_must_be_present_and_unique() {
        assert_eq!(err(",100.0,21.9\n"), BorderError::PillarWithoutNumber { line: 1 });
        let station = Border::bundled().point_at(5.0).unwrap();
        let row = format!("7,{},{}\n", station.lon, station.lat);
        let e = err(&format!("{row}{row}"));
        assert_eq!(e, BorderError::DuplicatePillar { line: 2, number: "7".into() });
    }

    #[test]
    fn pillar_coordinates_must_be_wgs84_degrees() {
        let e = err("1,abc,21.9\n");
        assert_eq!(e, BorderError::PillarCoordinate { line: 1, field: "lon", value: "abc".into() });
        let e = err("1,100.0,NaN\n");
        assert_eq!(e, BorderError::PillarCoordinate { line: 1, field: "lat", value: "NaN".into() });
        // Latitude and longitude swapped.
        let e = err("1,21.9,100.4\n");
        assert_eq!(e, BorderError::PillarCoordinate { line: 1, field: "lat", value: "100.4".into() });
        let e = err("1,190,21\n");
        assert_eq!(e, BorderError::PillarCoordinate { line: 1, field: "lon", value: "190".into() });
    }

    #[test]
    fn pillars_far_from_the_line_are_rejected() {
        // Jinghong city is tens of km from the border.
        match err("1,100.7977,22.0017\n") {
            BorderError::PillarFarFromLine { line: 1, number, distance_m } => {
                assert_eq!(number, "1");
                assert!(distance_m > PILLAR_MAX_DISTANCE_M);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
