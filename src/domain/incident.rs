//! Cross-border incidents as people report them: the fixed list of categories, and the rules a
//! new or corrected record must satisfy ([`NewIncident::parse`]), the same for the API and for
//! file imports.

use chrono::{DateTime, Datelike, Duration, Utc};
use serde_json::{Map, Value};

use super::DomainError;
use super::geo::{BorderFields, LonLat};
use super::period::YEARS;

/// What kind of cross-border incident a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    IllegalCrossing,
    Smuggling,
    DrugTrafficking,
    TelecomFraud,
    HumanTrafficking,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::IllegalCrossing,
        Category::Smuggling,
        Category::DrugTrafficking,
        Category::TelecomFraud,
        Category::HumanTrafficking,
        Category::Other,
    ];

    /// The stable code stored in the database and used in the API.
    pub fn code(self) -> &'static str {
        match self {
            Category::IllegalCrossing => "illegal_crossing",
            Category::Smuggling => "smuggling",
            Category::DrugTrafficking => "drug_trafficking",
            Category::TelecomFraud => "telecom_fraud",
            Category::HumanTrafficking => "human_trafficking",
            Category::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|category| category.code() == code)
    }
}

/// How far ahead of the server's clock a reported time may be (a device's clock running a
/// little fast is not an error): five minutes.
pub const CLOCK_SKEW_MINUTES: i64 = 5;
/// How far from the border line in force an incident may lie, km. The prefecture's farthest
/// corner is about 170 km from the line; a point beyond this is a typo or a swapped lon/lat.
pub const MAX_BORDER_DISTANCE_KM: f64 = 200.0;
/// Most persons apprehended, or villagers involved, one record may count.
pub const MAX_COUNT: i64 = 10_000;
/// Longest description kept (characters).
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Longest source label (characters), e.g. `import` or the name of a partner system.
pub const MAX_SOURCE_CHARS: usize = 64;

/// An incident as submitted, read from a GeoJSON feature or a CSV row but not yet checked.
/// Positions are WGS84 degrees (convert other datums before building one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncidentInput {
    pub lon: f64,
    pub lat: f64,
    pub occurred_at: String,
    pub category: String,
    pub persons_apprehended: i64,
    pub villagers_involved: i64,
    pub village_id: Option<i64>,
    pub description: Option<String>,
    pub source: Option<String>,
}

/// The text fields of a CSV row, by column; `None` when the file has no such column.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextFields<'a> {
    pub lon: &'a str,
    pub lat: &'a str,
    pub occurred_at: &'a str,
    pub category: &'a str,
    pub persons: &'a str,
    pub villagers: &'a str,
    pub village_id: Option<&'a str>,
    pub description: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// Text with surrounding white space removed; `None` when nothing is left.
fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

fn parse_count(name: &'static str, text: &str) -> Result<i64, DomainError> {
    text.trim().parse::<i64>().map_err(|_| DomainError::IncidentCount { name, value: text.to_owned(), max: MAX_COUNT })
}

impl IncidentInput {
    /// Reads a GeoJSON Feature (RFC 7946): a Point geometry `[lon, lat]` (a third number, a
    /// height, is ignored) and the properties `occurred_at`, `category`,
    /// `persons_apprehended`, `villagers_involved` and the optional `village_id`,
    /// `description` and `source`. Other members, such as the border fields a read returns,
    /// are ignored, so a feature read from the API can be sent back corrected.
    pub fn from_feature(feature: &Value) -> Result<IncidentInput, DomainError> {
        let feature = feature.as_object().ok_or(DomainError::IncidentGeometry)?;
        if feature.get("type").and_then(Value::as_str).is_some_and(|kind| kind != "Feature") {
            return Err(DomainError::IncidentGeometry);
        }
        let geometry = feature.get("geometry").and_then(Value::as_object).ok_or(DomainError::IncidentGeometry)?;
        if geometry.get("type").and_then(Value::as_str) != Some("Point") {
            return Err(DomainError::IncidentGeometry);
        }
        let coordinates = geometry.get("coordinates").and_then(Value::as_array).ok_or(DomainError::IncidentGeometry)?;
        let numbers: Vec<f64> =
            coordinates.iter().map(Value::as_f64).collect::<Option<_>>().ok_or(DomainError::IncidentGeometry)?;
        let (lon, lat) = match numbers[..] {
            [lon, lat] | [lon, lat, _] => (lon, lat),
            _ => return Err(DomainError::IncidentGeometry),
        };
        let empty = Map::new();
        let properties = match feature.get("properties") {
            Some(Value::Object(properties)) => properties,
            None | Some(Value::Null) => &empty,
            Some(_) => return Err(DomainError::MissingParameter { name: "properties" }),
        };
        let field = |name: &'static str| properties.get(name).filter(|value| !value.is_null());
        let required = |name: &'static str| field(name).ok_or(DomainError::MissingParameter { name });
        let occurred_at = match required("occurred_at")? {
            Value::String(text) => text.clone(),
            other => return Err(DomainError::IncidentTime { value: other.to_string(), min_year: *YEARS.start() }),
        };
        let category = match required("category")? {
            Value::String(text) => text.clone(),
            other => return Err(DomainError::IncidentCategory { value: other.to_string() }),
        };
        let count = |name: &'static str| -> Result<i64, DomainError> {
            let value = required(name)?;
            value.as_i64().ok_or_else(|| DomainError::IncidentCount { name, value: value.to_string(), max: MAX_COUNT })
        };
        let persons_apprehended = count("persons_apprehended")?;
        let villagers_involved = count("villagers_involved")?;
        let village_id = field("village_id")
            .map(|value| match value {
                Value::Number(number) => {
                    number.as_i64().ok_or_else(|| DomainError::InvalidId { value: value.to_string() })
                }
                Value::String(text) => super::paging::parse_id(text.trim()),
                other => Err(DomainError::InvalidId { value: other.to_string() }),
            })
            .transpose()?;
        let text = |name: &'static str, max: usize| -> Result<Option<String>, DomainError> {
            match field(name) {
                None => Ok(None),
                Some(Value::String(text)) => Ok(Some(text.clone())),
                Some(_) => Err(DomainError::IncidentText { name, max }),
            }
        };
        Ok(IncidentInput {
            lon,
            lat,
            occurred_at,
            category,
            persons_apprehended,
            villagers_involved,
            village_id,
            description: text("description", MAX_DESCRIPTION_CHARS)?,
            source: text("source", MAX_SOURCE_CHARS)?,
        })
    }

    /// Reads the text fields of a CSV row (an empty optional field means "none").
    pub fn from_text(fields: TextFields<'_>) -> Result<IncidentInput, DomainError> {
        let invalid_position =
            || DomainError::InvalidPosition { lon: fields.lon.to_owned(), lat: fields.lat.to_owned() };
        let lon = fields.lon.trim().parse::<f64>().map_err(|_| invalid_position())?;
        let lat = fields.lat.trim().parse::<f64>().map_err(|_| invalid_position())?;
        let village_id = non_empty(fields.village_id).map(super::paging::parse_id).transpose()?;
        Ok(IncidentInput {
            lon,
            lat,
            occurred_at: fields.occurred_at.to_owned(),
            category: fields.category.to_owned(),
            persons_apprehended: parse_count("persons_apprehended", fields.persons)?,
            villagers_involved: parse_count("villagers_involved", fields.villagers)?,
            village_id,
            description: fields.description.map(str::to_owned),
            source: fields.source.map(str::to_owned),
        })
    }
}

/// An incident that satisfies every rule, with the border fields of its point.
#[derive(Clone, Debug, PartialEq)]
pub struct NewIncident {
    occurred_at: DateTime<Utc>,
    position: LonLat,
    category: Category,
    persons_apprehended: i32,
    villagers_involved: i32,
    village_id: Option<i32>,
    description: Option<String>,
    source: Option<String>,
    border: BorderFields,
}

impl NewIncident {
    /// Checks an input against the rules, in this order, returning the first one broken:
    ///
    /// - `occurred_at`: RFC 3339 with an offset, from 2000 on (the first reportable year), and
    ///   not later than `now` plus [`CLOCK_SKEW_MINUTES`];
    /// - the position: WGS84 degrees, finite, lon within −180…180 and lat within −90…90;
    /// - `category`: one of [`Category::ALL`]'s codes;
    /// - `persons_apprehended`, `villagers_involved`: whole numbers from 0 to [`MAX_COUNT`];
    /// - `village_id`: a positive id when given (whether the village exists, and may be
    ///   written to by the caller, is for the service to check);
    /// - `description` at most [`MAX_DESCRIPTION_CHARS`] characters, `source` at most
    ///   [`MAX_SOURCE_CHARS`], neither with a NUL character; blank ones count as absent;
    /// - finally `locate` gives the point's border fields against the line in force: a point
    ///   that cannot be located, or lies more than [`MAX_BORDER_DISTANCE_KM`] from the line
    ///   (geodesic distance), is refused.
    ///
    /// ```
    /// use banna_border::domain::geo::BorderFields;
    /// use banna_border::domain::incident::{IncidentInput, NewIncident};
    /// let input = IncidentInput {
    ///     lon: 100.5, lat: 21.9, occurred_at: "2024-03-01T08:30:00+08:00".into(),
    ///     category: "smuggling".into(), persons_apprehended: 2, ..Default::default()
    /// };
    /// let near = |_| BorderFields { distance_m: Some(1500.0), ..Default::default() };
    /// let now = chrono::Utc::now();
    /// assert!(NewIncident::parse(input.clone(), now, near).is_ok());
    /// let far = |_| BorderFields { distance_m: Some(250_000.0), ..Default::default() };
    /// assert!(NewIncident::parse(input, now, far).is_err());
    /// ```
    pub fn parse(
        input: IncidentInput,
        now: DateTime<Utc>,
        locate: impl FnOnce(LonLat) -> BorderFields,
    ) -> Result<NewIncident, DomainError> {
        let occurred_at = DateTime::parse_from_rfc3339(input.occurred_at.trim())
            .ok()
            .map(|time| time.with_timezone(&Utc))
            .filter(|time| time.year() >= *YEARS.start())
            .ok_or_else(|| DomainError::IncidentTime { value: input.occurred_at.clone(), min_year: *YEARS.start() })?;
        if occurred_at > now + Duration::minutes(CLOCK_SKEW_MINUTES) {
            return Err(DomainError::IncidentInFuture {
                value: input.occurred_at.clone(),
                skew_minutes: CLOCK_SKEW_MINUTES,
            });
        }
        let position = LonLat::new(input.lon, input.lat)
            .ok_or_else(|| DomainError::InvalidPosition { lon: input.lon.to_string(), lat: input.lat.to_string() })?;
        let category = Category::parse(input.category.trim())
            .ok_or_else(|| DomainError::IncidentCategory { value: input.category.clone() })?;
        let count = |name: &'static str, value: i64| {
            i32::try_from(value)
                .ok()
                .filter(|count| (0..=MAX_COUNT).contains(&i64::from(*count)))
                .ok_or(DomainError::IncidentCount { name, value: value.to_string(), max: MAX_COUNT })
        };
        let persons_apprehended = count("persons_apprehended", input.persons_apprehended)?;
        let villagers_involved = count("villagers_involved", input.villagers_involved)?;
        let village_id = input
            .village_id
            .map(|id| {
                i32::try_from(id).ok().filter(|id| *id > 0).ok_or(DomainError::InvalidId { value: id.to_string() })
            })
            .transpose()?;
        let text = |name: &'static str, value: Option<&str>, max: usize| match non_empty(value) {
            // NUL is refused too: PostgreSQL text cannot hold it.
            Some(text) if text.chars().count() > max || text.contains('\0') => {
                Err(DomainError::IncidentText { name, max })
            }
            kept => Ok(kept.map(str::to_owned)),
        };
        let description = text("description", input.description.as_deref(), MAX_DESCRIPTION_CHARS)?;
        let source = text("source", input.source.as_deref(), MAX_SOURCE_CHARS)?;
        let border = locate(position);
        match border.distance_m {
            Some(distance_m) if distance_m <= MAX_BORDER_DISTANCE_KM * 1000.0 => {}
            distance_m => {
                return Err(DomainError::FarFromBorder {
                    distance_km: distance_m.map_or_else(|| "?".to_owned(), |m| format!("{:.1}", m / 1000.0)),
                    max_km: MAX_BORDER_DISTANCE_KM,
                });
            }
        }
        Ok(NewIncident {
            occurred_at,
            position,
            category,
            persons_apprehended,
            villagers_involved,
            village_id,
            description,
            source,
            border,
        })
    }

    pub fn occurred_at(&self) -> DateTime<Utc> {
        self.occurred_at
    }
    pub fn position(&self) -> LonLat {
        self.position
    }
    pub fn category(&self) -> Category {
        self.category
    }
    pub fn persons_apprehended(&self) -> i32 {
        self.persons_apprehended
    }
    pub fn villagers_involved(&self) -> i32 {
        self.villagers_involved
    }
    pub fn village_id(&self) -> Option<i32> {
        self.village_id
    }
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
    /// The source label given with the record, if any (the service picks a default).
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    /// The border fields of the point against the line in force when it was checked.
    pub fn border(&self) -> &BorderFields {
        &self.border
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_category() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.code()), Some(category));
        }
        assert_eq!(Category::parse("Smuggling"), None);
    }

    fn input() -> IncidentInput {
        IncidentInput {
            lon: 100.5,
            lat: 21.9,
            occurred_at: "2024-03-01T08:30:00+08:00".to_owned(),
            category: "smuggling".to_owned(),
            persons_apprehended: 2,
            villagers_involved: 1,
            ..Default::default()
        }
    }

    fn near(_: LonLat) -> BorderFields {
        BorderFields { border_km: Some(12.5), distance_m: Some(800.0), section: Some("MM".into()), side: None }
    }

    fn now() -> DateTime<Utc> {
        "2025-01-01T00:00:00Z".parse().expect("time")
    }

    #[test]
    fn a_valid_input_keeps_its_values_in_utc_with_its_border_fields() {
        let new = NewIncident::parse(input(), now(), near).expect("valid");
        assert_eq!(new.occurred_at(), "2024-03-01T00:30:00Z".parse::<DateTime<Utc>>().expect("time"));
        assert_eq!((new.category(), new.persons_apprehended(), new.villagers_involved()), (Category::Smuggling, 2, 1));
        assert_eq!(new.border().border_km, Some(12.5));
        assert_eq!((new.description(), new.source(), new.village_id()), (None, None, None));
    }

    #[test]
    fn each_rule_refuses_its_own_mistake() {
        let with = |change: fn(&mut IncidentInput)| {
            let mut bad = input();
            change(&mut bad);
            NewIncident::parse(bad, now(), near).expect_err("refused")
        };
        assert!(matches!(
            with(|i| i.occurred_at = "2025-01-01T00:06:00Z".into()),
            DomainError::IncidentInFuture { .. }
        ));
        assert!(matches!(with(|i| i.occurred_at = "1999-12-31T00:00:00Z".into()), DomainError::IncidentTime { .. }));
        assert!(matches!(with(|i| i.occurred_at = "2024-03-01 08:30".into()), DomainError::IncidentTime { .. }));
        assert!(matches!(with(|i| i.lon = f64::NAN), DomainError::InvalidPosition { .. }));
        assert!(matches!(with(|i| i.lat = 90.5), DomainError::InvalidPosition { .. }));
        assert!(matches!(with(|i| i.category = "fraud".into()), DomainError::IncidentCategory { .. }));
        assert!(matches!(with(|i| i.persons_apprehended = -1), DomainError::IncidentCount { .. }));
        assert!(matches!(with(|i| i.villagers_involved = MAX_COUNT + 1), DomainError::IncidentCount { .. }));
        assert!(matches!(with(|i| i.village_id = Some(0)), DomainError::InvalidId { .. }));
        assert!(matches!(with(|i| i.description = Some("字".repeat(2001))), DomainError::IncidentText { .. }));
        assert!(matches!(with(|i| i.source = Some("a\0b".into())), DomainError::IncidentText { .. }));
        let far = |_| BorderFields { distance_m: Some(200_001.0), ..Default::default() };
        assert!(matches!(NewIncident::parse(input(), now(), far), Err(DomainError::FarFromBorder { .. })));
        let unlocated = |_| BorderFields::default();
        assert!(NewIncident::parse(input(), now(), unlocated).is_err());
        // Within the clock skew, and exactly at the limits, the input passes.
        let mut edge = input();
        edge.occurred_at = "2025-01-01T00:05:00Z".into();
        edge.persons_apprehended = MAX_COUNT;
        edge.description = Some("字".repeat(MAX_DESCRIPTION_CHARS));
        assert!(NewIncident::parse(edge, now(), near).is_ok());
    }

    #[test]
    fn a_feature_and_a_csv_row_read_the_same_record() {
        let feature = serde_json::json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [100.5, 21.9, 600.0] },
            "properties": {
                "occurred_at": "2024-03-01T08:30:00+08:00", "category": "smuggling",
                "persons_apprehended": 2, "villagers_involved": 1, "village_id": 7,
                "description": "text", "border_km": 3.0
            }
        });
        let from_json = IncidentInput::from_feature(&feature).expect("read");
        let from_csv = IncidentInput::from_text(TextFields {
            lon: "100.5",
            lat: " 21.9",
            occurred_at: "2024-03-01T08:30:00+08:00",
            category: "smuggling",
            persons: "2",
            villagers: "1",
            village_id: Some("7"),
            description: Some("text"),
            source: None,
        })
        .expect("read");
        assert_eq!(from_json, from_csv);
        let line = serde_json::json!({ "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[1, 2], [3, 4]] } });
        assert_eq!(IncidentInput::from_feature(&line), Err(DomainError::IncidentGeometry));
        let text = TextFields { lon: "east", ..Default::default() };
        assert!(matches!(IncidentInput::from_text(text), Err(DomainError::InvalidPosition { .. })));
    }
}
