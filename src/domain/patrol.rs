//! Patrols of a post's stretch of border: the GPS track a patrol sends (a GeoJSON LineString
//! with a parallel list of times, or a GPX 1.1 file), its rules ([`Track::new`]), and the part
//! of the border it covered ([`covered_km`]).
//!
//! **Coverage rule.** Each track point within `corridor_m` of the line is located on it
//! (`border_km`). Two *consecutive* track points that are both in the corridor cover the km
//! interval between their `border_km` values, provided those values are at most
//! [`MAX_STEP_KM`] apart: a GPS jump (or a gap in the recording) longer than that covers
//! nothing in between, so a patrol is never credited with km it never saw. A point outside the
//! corridor breaks the coverage too. Covered km are stored as a list of `[start_km, end_km]`.

use chrono::{DateTime, Duration, Utc};
use quick_xml::events::Event;
use serde_json::Value;

use crate::border::{Border, KmInterval, KmIntervals};

/// Most points one track may carry.
pub const MAX_TRACK_POINTS: usize = 50_000;
/// Two consecutive in-corridor points farther apart than this along the line (km) cover
/// nothing between them.
pub const MAX_STEP_KM: f64 = 2.0;
/// How far ahead of the server's clock a track time may be (a device clock running a little
/// fast is not an error): five minutes.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// What is wrong with a patrol; each variant names its Fluent message.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PatrolError {
    #[error("a patrol is {{post_id, track: LineString, times}}")]
    Shape,
    #[error("a track needs at least 2 points, got {count}")]
    TooFewPoints { count: usize },
    #[error("{count} track points where at most {max} are allowed")]
    TooManyPoints { count: usize, max: usize },
    #[error("invalid position at point {index}")]
    Position { index: usize },
    #[error("invalid time at point {index}: {value:?}")]
    Time { index: usize, value: String },
    #[error("times not ascending at point {index}")]
    NotAscending { index: usize },
    #[error("time in the future at point {index}: {value:?}")]
    InFuture { index: usize, value: String },
    #[error("{count} coordinates but {times} times")]
    TimesCount { count: usize, times: usize },
    #[error("unreadable GPX: {reason}")]
    Gpx { reason: String },
}

impl PatrolError {
    /// The Fluent message id of the detail text.
    pub fn message_id(&self) -> &'static str {
        match self {
            PatrolError::Shape => "problem-patrol-shape-detail",
            PatrolError::TooFewPoints { .. } => "problem-patrol-too-few-points-detail",
            PatrolError::TooManyPoints { .. } => "problem-patrol-too-many-points-detail",
            PatrolError::Position { .. } => "problem-patrol-position-detail",
            PatrolError::Time { .. } => "problem-patrol-time-detail",
            PatrolError::NotAscending { .. } => "problem-patrol-not-ascending-detail",
            PatrolError::InFuture { .. } => "problem-patrol-future-detail",
            PatrolError::TimesCount { .. } => "problem-patrol-times-count-detail",
            PatrolError::Gpx { .. } => "problem-patrol-gpx-detail",
        }
    }

    /// The message's arguments, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            PatrolError::Shape => Vec::new(),
            PatrolError::TooFewPoints { count } => vec![("count", count.to_string())],
            PatrolError::TooManyPoints { count, max } => vec![("count", count.to_string()), ("max", max.to_string())],
            PatrolError::Position { index } | PatrolError::NotAscending { index } => {
                vec![("index", index.to_string())]
            }
            PatrolError::Time { index, value } | PatrolError::InFuture { index, value } => {
                vec![("index", index.to_string()), ("value", value.clone())]
            }
            PatrolError::TimesCount { count, times } => {
                vec![("count", count.to_string()), ("times", times.to_string())]
            }
            PatrolError::Gpx { reason } => vec![("reason", reason.clone())],
        }
    }
}

/// One GPS fix of a track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrackPoint {
    pub lon: f64,
    pub lat: f64,
    pub at: DateTime<Utc>,
}

/// A checked track: 2 to [`MAX_TRACK_POINTS`] WGS84 points with ascending times, none in
/// the future.
#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    points: Vec<TrackPoint>,
}

/// A point as read, before the checks.
#[derive(Clone, Debug)]
pub struct RawPoint {
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub time: Option<String>,
}

impl Track {
    /// Checks the rules; `now` is the server's clock.
    pub fn new(raw: Vec<RawPoint>, now: DateTime<Utc>) -> Result<Track, PatrolError> {
        if raw.len() > MAX_TRACK_POINTS {
            return Err(PatrolError::TooManyPoints { count: raw.len(), max: MAX_TRACK_POINTS });
        }
        if raw.len() < 2 {
            return Err(PatrolError::TooFewPoints { count: raw.len() });
        }
        let latest = now + Duration::minutes(CLOCK_SKEW_MINUTES);
        let mut points: Vec<TrackPoint> = Vec::with_capacity(raw.len());
        for (index, point) in raw.into_iter().enumerate() {
            let (Some(lon), Some(lat)) = (point.lon, point.lat) else {
                return Err(PatrolError::Position { index });
            };
            if !lon.is_finite()
                || !lat.is_finite()
                || !(-180.0..=180.0).contains(&lon)
                || !(-90.0..=90.0).contains(&lat)
            {
                return Err(PatrolError::Position { index });
            }
            let text = point.time.unwrap_or_default();
            let at = DateTime::parse_from_rfc3339(text.trim())
                .map_err(|_| PatrolError::Time { index, value: text.clone() })?
                .with_timezone(&Utc);
            if at > latest {
                return Err(PatrolError::InFuture { index, value: text });
            }
            if points.last().is_some_and(|previous| at < previous.at) {
                return Err(PatrolError::NotAscending { index });
            }
            points.push(TrackPoint { lon, lat, at });
        }
        Ok(Track { points })
    }

    /// The JSON shape: `{"post_id": 7, "track": {"type": "LineString", "coordinates":
    /// [[lon, lat], …]}, "times": ["2026-11-29T08:00:00+07:00", …]}` (one RFC 3339 time per
    /// coordinate; a coordinate may carry a third value, the elevation, which is ignored).
    /// Returns the post id and the raw points.
    pub fn from_json(body: &Value) -> Result<(i64, Vec<RawPoint>), PatrolError> {
        let object = body.as_object().ok_or(PatrolError::Shape)?;
        let post_id = object.get("post_id").and_then(Value::as_i64).filter(|id| *id > 0).ok_or(PatrolError::Shape)?;
        let track = object.get("track").and_then(Value::as_object).ok_or(PatrolError::Shape)?;
        if track.get("type").and_then(Value::as_str) != Some("LineString") {
            return Err(PatrolError::Shape);
        }
        let coordinates = track.get("coordinates").and_then(Value::as_array).ok_or(PatrolError::Shape)?;
        let times = object.get("times").and_then(Value::as_array).ok_or(PatrolError::Shape)?;
        if coordinates.len() > MAX_TRACK_POINTS {
            return Err(PatrolError::TooManyPoints { count: coordinates.len(), max: MAX_TRACK_POINTS });
        }
        if coordinates.len() != times.len() {
            return Err(PatrolError::TimesCount { count: coordinates.len(), times: times.len() });
        }
        let raw = coordinates
            .iter()
            .zip(times)
            .map(|(position, time)| {
                let position = position.as_array();
                let at = |i: usize| position.filter(|p| (2..=3).contains(&p.len())).and_then(|p| p[i].as_f64());
                RawPoint { lon: at(0), lat: at(1), time: time.as_str().map(str::to_owned) }
            })
            .collect();
        Ok((post_id, raw))
    }
}

impl Track {
    pub fn points(&self) -> &[TrackPoint] {
        &self.points
    }

    pub fn started_at(&self) -> DateTime<Utc> {
        self.points[0].at
    }

    pub fn ended_at(&self) -> DateTime<Utc> {
        self.points[self.points.len() - 1].at
    }

    /// The track as a GeoJSON LineString (lon/lat) with the fixes' times (UTC, RFC 3339) in
    /// the foreign member `times`, one per coordinate.
    pub fn line_string(&self) -> Value {
        let coordinates: Vec<[f64; 2]> = self.points.iter().map(|p| [p.lon, p.lat]).collect();
        let times: Vec<String> =
            self.points.iter().map(|p| p.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)).collect();
        serde_json::json!({ "type": "LineString", "coordinates": coordinates, "times": times })
    }
}

/// Reads the `trkpt` points (attributes `lat`, `lon`, child `time`) of a GPX 1.1 document, in
/// document order, streaming; other elements are skipped.
pub fn parse_gpx(text: &str) -> Result<Vec<RawPoint>, PatrolError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut points: Vec<RawPoint> = Vec::new();
    let mut current: Option<RawPoint> = None;
    let mut in_time = false;
    let mut seen_gpx = false;
    let bad = |error: &dyn std::fmt::Display| PatrolError::Gpx { reason: error.to_string() };
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(element) if element.local_name().as_ref() == b"gpx" => seen_gpx = true,
            Event::Empty(element) if element.local_name().as_ref() == b"gpx" => seen_gpx = true,
            Event::Start(element) | Event::Empty(element) if element.local_name().as_ref() == b"trkpt" => {
                if points.len() >= MAX_TRACK_POINTS {
                    return Err(PatrolError::TooManyPoints { count: points.len() + 1, max: MAX_TRACK_POINTS });
                }
                let mut point = RawPoint { lon: None, lat: None, time: None };
                for attribute in element.attributes() {
                    let attribute = attribute.map_err(|e| bad(&e))?;
                    let value = attribute.unescape_value().map_err(|e| bad(&e))?;
                    match attribute.key.local_name().as_ref() {
                        b"lat" => point.lat = value.trim().parse().ok(),
                        b"lon" => point.lon = value.trim().parse().ok(),
                        _ => {}
                    }
                }
                if let Some(unfinished) = current.replace(point) {
                    // `<trkpt …/>` has no end event (and no time: it fails the time check).
                    points.push(unfinished);
                }
            }
            Event::Start(element) if element.local_name().as_ref() == b"time" => in_time = current.is_some(),
            Event::Text(text) if in_time => {
                if let Some(point) = current.as_mut() {
                    point.time = Some(text.unescape().map_err(|e| bad(&e))?.into_owned());
                }
            }
            Event::End(element) if element.local_name().as_ref() == b"time" => in_time = false,
            Event::End(element) if element.local_name().as_ref() == b"trkpt" => {
                if let Some(point) = current.take() {
                    points.push(point);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    points.extend(current);
    if !seen_gpx {
        return Err(PatrolError::Gpx { reason: "no <gpx> element".to_owned() });
    }
    Ok(points)
}

/// The km of the border a track covered, by the rule in the module's documentation.
pub fn covered_km(border: &Border, points: &[[f64; 2]], corridor_m: f64) -> KmIntervals {
    let located: Vec<Option<f64>> = points
        .iter()
        .map(|[lon, lat]| {
            border.locate(*lon, *lat).filter(|location| location.distance_m <= corridor_m).map(|l| l.border_km)
        })
        .collect();
    KmIntervals::from_intervals(located.windows(2).filter_map(|pair| match pair {
        [Some(a), Some(b)] if (a - b).abs() <= MAX_STEP_KM => KmInterval::new(a.min(*b), a.max(*b)).ok(),
        _ => None,
    }))
}

/// Covered km as stored: `[[start_km, end_km], …]`.
pub fn intervals_to_json(intervals: &KmIntervals) -> Value {
    Value::Array(intervals.intervals().iter().map(|i| serde_json::json!([i.start_km(), i.end_km()])).collect())
}

/// Reads stored covered km (`[[start_km, end_km], …]`); malformed entries are skipped.
pub fn intervals_from_json(value: &Value) -> KmIntervals {
    let pairs = value.as_array().map(Vec::as_slice).unwrap_or_default();
    KmIntervals::from_intervals(pairs.iter().filter_map(|pair| {
        let pair = pair.as_array()?;
        KmInterval::new(pair.first()?.as_f64()?, pair.get(1)?.as_f64()?).ok()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::border::Side;

    fn raw(lon: f64, lat: f64, time: &str) -> RawPoint {
        RawPoint { lon: Some(lon), lat: Some(lat), time: Some(time.to_owned()) }
    }

    #[test]
    fn gpx_track_points_are_read_in_order_with_their_times() {
        let text = r#"<?xml version="1.0"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><metadata><time>2020-01-01T00:00:00Z</time></metadata>
<wpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></wpt>
<trk><trkseg><trkpt lon="100.5" lat="21.9"><ele>800</ele><time>2024-05-01T10:00:00+08:00</time></trkpt>
<trkpt lat="21.91" lon="100.51"><time>2024-05-01T10:05:00Z</time></trkpt><trkpt lat="21.92" lon="100.52"/></trkseg></trk></gpx>"#;
        let points = parse_gpx(text).expect("a GPX document");
        assert_eq!(points.len(), 3);
        assert_eq!((points[0].lon, points[0].lat), (Some(100.5), Some(21.9)));
        assert_eq!(points[0].time.as_deref(), Some("2024-05-01T10:00:00+08:00"));
        assert_eq!(points[1].lon, Some(100.51));
        assert_eq!(points[2].time, None);
        assert!(matches!(parse_gpx("<kml></kml>"), Err(PatrolError::Gpx { .. })));
        assert!(matches!(parse_gpx("<gpx><trk></gpx>"), Err(PatrolError::Gpx { .. })));
    }

    #[test]
    fn tracks_follow_the_rules() {
        let now = DateTime::parse_from_rfc3339("2024-06-01T00:00:00Z").unwrap().with_timezone(&Utc);
        let ok =
            Track::new(vec![raw(100.5, 21.9, "2024-05-01T10:00:00Z"), raw(100.6, 21.9, "2024-05-01T10:00:00Z")], now);
        assert_eq!(ok.expect("equal times are in order").points().len(), 2);
        let one = Track::new(vec![raw(100.5, 21.9, "2024-05-01T10:00:00Z")], now);
        assert_eq!(one, Err(PatrolError::TooFewPoints { count: 1 }));
        let back =
            Track::new(vec![raw(100.5, 21.9, "2024-05-01T10:00:00Z"), raw(100.6, 21.9, "2024-05-01T09:00:00Z")], now);
        assert_eq!(back, Err(PatrolError::NotAscending { index: 1 }));
        let far =
            Track::new(vec![raw(100.5, 21.9, "2024-05-01T10:00:00Z"), raw(100.6, 91.0, "2024-05-01T11:00:00Z")], now);
        assert_eq!(far, Err(PatrolError::Position { index: 1 }));
        let ahead =
            Track::new(vec![raw(100.5, 21.9, "2024-05-01T10:00:00Z"), raw(100.6, 21.9, "2024-06-01T00:06:00Z")], now);
        assert!(matches!(ahead, Err(PatrolError::InFuture { index: 1, .. })));
    }

    #[test]
    fn consecutive_fixes_within_the_corridor_cover_the_km_between_them() {
        let border = Border::bundled();
        let at = |km: f64, m: f64| {
            let (lon, lat) = border.offset(km, m, Side::Cn).expect("on the line");
            [lon, lat]
        };
        // 1 km steps cover; a 3 km step does not; a lone fix covers nothing.
        let covered = covered_km(border, &[at(12.0, 300.0), at(13.0, 300.0), at(16.0, 300.0), at(17.0, 300.0)], 2000.0);
        let km: Vec<(f64, f64)> = covered.intervals().iter().map(|i| (i.start_km(), i.end_km())).collect();
        assert_eq!(km.len(), 2, "{km:?}");
        assert!((km[0].0 - 12.0).abs() < 0.3 && (km[0].1 - 13.0).abs() < 0.3, "{km:?}");
        assert!((km[1].0 - 16.0).abs() < 0.3 && (km[1].1 - 17.0).abs() < 0.3, "{km:?}");
        assert!(covered_km(border, &[at(12.0, 300.0)], 2000.0).is_empty());
        // The same fixes with a 100 m corridor are all outside it.
        assert!(covered_km(border, &[at(12.0, 300.0), at(13.0, 300.0)], 100.0).is_empty());
    }

    #[test]
    fn stored_intervals_round_trip() {
        let intervals =
            KmIntervals::from_intervals([KmInterval::new(1.0, 2.5).unwrap(), KmInterval::new(4.0, 6.0).unwrap()]);
        assert_eq!(intervals_from_json(&intervals_to_json(&intervals)), intervals);
        assert!(intervals_from_json(&serde_json::json!([[3, 1], "x", [1]])).is_empty());
    }
}
