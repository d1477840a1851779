//! WGS84 positions and bounding boxes (RFC 7946 order: longitude, then latitude, in degrees).

use super::DomainError;

/// A WGS84 position in degrees. Construction checks the ranges and rejects NaN.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    lon: f64,
    lat: f64,
}

impl LonLat {
    pub fn new(lon: f64, lat: f64) -> Option<LonLat> {
        let valid =
            lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
        valid.then_some(LonLat { lon, lat })
    }

    pub fn lon(&self) -> f64 {
        self.lon
    }

    pub fn lat(&self) -> f64 {
        self.lat
    }
}

impl LonLat {
    /// Parses query values, naming the problem precisely.
    pub fn parse(lon: Option<&str>, lat: Option<&str>) -> Result<LonLat, DomainError> {
        let lon = lon.ok_or(DomainError::MissingParameter { name: "lon" })?;
        let lat = lat.ok_or(DomainError::MissingParameter { name: "lat" })?;
        let invalid = || DomainError::InvalidPosition { lon: lon.to_owned(), lat: lat.to_owned() };
        let lon_value = lon.trim().parse::<f64>().map_err(|_| invalid())?;
        let lat_value = lat.trim().parse::<f64>().map_err(|_| invalid())?;
        LonLat::new(lon_value, lat_value).ok_or_else(invalid)
    }
}

/// The border fields of a located record: km along the border (`border_km`), geodesic metres
/// to it (`distance_m`), section (`MM`/`LA`) and side (`cn`/`abroad`); `None` until computed.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct BorderFields {
    pub border_km: Option<f64>,
    pub distance_m: Option<f64>,
    pub section: Option<String>,
    pub side: Option<String>,
}

/// A lon/lat box `minLon,minLat,maxLon,maxLat` (degrees, WGS84). Boxes crossing the
/// antimeridian are not supported (the prefecture is nowhere near it): `min_lon <= max_lon`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bbox {
    min: LonLat,
    max: LonLat,
}

impl Bbox {
    /// Parses the `bbox` query parameter of RFC 7946 / OGC API – Features (2D only).
    ///
    /// ```
    /// use banna_border::domain::geo::Bbox;
    /// let bbox = Bbox::parse("100.0,21.0,101.5,22.5").unwrap();
    /// assert!(bbox.contains(100.5, 21.9));
    /// assert!(Bbox::parse("101,21,100,22").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Bbox, DomainError> {
        let invalid = || DomainError::InvalidBbox { value: text.to_owned() };
        let numbers: Vec<f64> =
            text.split(',').map(|part| part.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| invalid())?;
        let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
            return Err(invalid());
        };
        let min = LonLat::new(min_lon, min_lat).ok_or_else(invalid)?;
        let max = LonLat::new(max_lon, max_lat).ok_or_else(invalid)?;
        if min_lon > max_lon || min_lat > max_lat {
            return Err(invalid());
        }
        Ok(Bbox { min, max })
    }

    pub fn min_lon(&self) -> f64 {
        self.min.lon
    }
    pub fn min_lat(&self) -> f64 {
        self.min.lat
    }
    pub fn max_lon(&self) -> f64 {
        self.max.lon
    }
    pub fn max_lat(&self) -> f64 {
        self.max.lat
    }

    /// True when the point lies inside or on the edge of the box.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min.lon..=self.max.lon).contains(&lon) && (self.min.lat..=self.max.lat).contains(&lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bbox_needs_four_ordered_numbers_in_range() {
        assert!(Bbox::parse("99.9,21.1,101.9,22.4").is_ok());
        for bad in [
            "",
            "1,2,3",
            "1,2,3,4,5",
            "a,b,c,d",
            "100,22,99,23",
            "100,23,101,22",
            "-181,0,0,1",
            "0,-91,1,1",
            "NaN,1,2,3",
            "inf,1,2,3",
        ] {
            assert_eq!(Bbox::parse(bad), Err(DomainError::InvalidBbox { value: bad.to_owned() }), "{bad}");
        }
    }

    #[test]
    fn a_degenerate_bbox_is_a_point_and_contains_it() {
        let bbox = Bbox::parse("100.5,21.5,100.5,21.5").expect("a point box is valid");
        assert!(bbox.contains(100.5, 21.5));
        assert!(!bbox.contains(100.5, 21.5001));
    }

    #[test]
    fn positions_outside_wgs84_are_rejected() {
        assert!(LonLat::new(100.0, 21.0).is_some());
        assert!(LonLat::new(180.1, 0.0).is_none());
        assert!(LonLat::new(0.0, f64::NAN).is_none());
    }
}
