//! Every write of cross-border incidents: create, correct (full replacement of the editable
//! fields) and soft-delete from the API, and bulk import from a GeoJSON or CSV file. One module
//! so that whatever must happen on each write (border fields, jurisdiction, audit) happens in
//! one place.
//!
//! Where a record belongs (`admin_unit_id`, which scopes who sees it): the unit of its village
//! when one is given; otherwise the unit of the post whose sector of the border holds the
//! point's `border_km` (the posts' sectors tile the line, as the demo's townships do); `None`
//! (visible prefecture-wide only) when no post covers it.

use std::io::Read;
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use indicatif::ProgressBar;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, Statement, TransactionTrait, Value,
};
use serde_json::json;

use super::auth::{self, Principal};
use super::places::{IncidentProperties, Located};
use super::{RecordKind, ServiceError, audit};
use crate::border::Border;
use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction};
use crate::domain::gcj02::Datum;
use crate::domain::incident::{IncidentInput, NewIncident, TextFields};
use crate::store::StoreError;
use crate::store::entities::{incident, post, village};

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// The `source` of records written through the API.
pub const API_SOURCE: &str = "api";
/// The `source` of imported records that name none.
pub const IMPORT_SOURCE: &str = "import";

/// What decides a record's admin unit: every village's unit, and the posts' sectors.
pub struct Placer {
    villages: std::collections::HashMap<i32, i32>,
    /// (sector_start_km, sector_end_km, admin_unit_id), by start then post id.
    sectors: Vec<(f64, f64, i32)>,
}

impl Placer {
    pub async fn load(db: &impl ConnectionTrait) -> Result<Placer, ServiceError> {
        let villages = village::Entity::find()
            .select_only()
            .column(village::Column::Id)
            .column(village::Column::AdminUnitId)
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .collect();
        let mut posts: Vec<(i32, f64, f64, i32)> = post::Entity::find()
            .select_only()
            .column(post::Column::Id)
            .column(post::Column::SectorStartKm)
            .column(post::Column::SectorEndKm)
            .column(post::Column::AdminUnitId)
            .into_tuple()
            .all(db)
            .await
            .map_err(db_err)?;
        posts.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let sectors = posts.into_iter().map(|(_, start, end, unit)| (start, end, unit)).collect();
        Ok(Placer { villages, sectors })
    }

    /// The unit of the post whose sector `[start, end)` holds `km` (the end is included for
    /// the sector that ends where no other starts, i.e. the end of the line).
    fn sector_unit(&self, km: f64) -> Option<i32> {
        let holds = self.sectors.iter().find(|(start, end, _)| *start <= km && km < *end);
        holds.or_else(|| self.sectors.iter().find(|(_, end, _)| *end == km)).map(|(_, _, unit)| *unit)
    }

    /// The admin unit of a valid incident; an unknown village is an error.
    pub fn unit_of(&self, new: &NewIncident) -> Result<Option<i32>, DomainError> {
        match new.village_id() {
            Some(id) => self
                .villages
                .get(&id)
                .map(|unit| Some(*unit))
                .ok_or(DomainError::UnknownVillage { value: id.to_string() }),
            None => Ok(new.border().border_km.and_then(|km| self.sector_unit(km))),
        }
    }
}

/// Checks an input, locates it against `border` and places it within `scope`. A village
/// outside the scope is reported exactly like a missing one.
fn check(
    input: IncidentInput,
    border: &Border,
    placer: &Placer,
    scope: &Jurisdiction,
    now: DateTime<Utc>,
) -> Result<(NewIncident, Option<i32>), DomainError> {
    let new = NewIncident::parse(input, now, |at| super::border::fields(border, at.lon(), at.lat()))?;
    let unit = placer.unit_of(&new)?;
    if !scope.covers(unit) {
        return Err(match new.village_id() {
            Some(id) => DomainError::UnknownVillage { value: id.to_string() },
            None => DomainError::OutsideJurisdiction,
        });
    }
    Ok((new, unit))
}

/// The record as the audit trail keeps it.
fn snapshot(row: &incident::Model) -> serde_json::Value {
    json!({
        "occurred_at": row.occurred_at.to_rfc3339(),
        "category": row.category,
        "persons_apprehended": row.persons_apprehended,
        "villagers_involved": row.villagers_involved,
        "village_id": row.village_id,
        "admin_unit_id": row.admin_unit_id,
        "description": row.description,
        "source": row.source,
        "lon": row.lon,
        "lat": row.lat,
        "border_km": row.border_km,
        "distance_m": row.distance_m,
        "section": row.section,
        "side": row.side,
        "deleted_at": row.deleted_at.map(|at| at.to_rfc3339()),
    })
}

/// Writes the checked fields onto an active model.
fn assign(model: &mut incident::ActiveModel, new: &NewIncident, unit: Option<i32>) {
    let border = new.border();
    model.occurred_at = Set(new.occurred_at());
    model.category = Set(new.category().code().to_owned());
    model.persons_apprehended = Set(new.persons_apprehended());
    model.villagers_involved = Set(new.villagers_involved());
    model.village_id = Set(new.village_id());
    model.admin_unit_id = Set(unit);
    model.description = Set(new.description().map(str::to_owned));
    model.lon = Set(new.position().lon());
    model.lat = Set(new.position().lat());
    model.border_km = Set(border.border_km);
    model.distance_m = Set(border.distance_m);
    model.section = Set(border.section.clone());
    model.side = Set(border.side.clone());
}

/// `POST /api/v1/incidents`: records a new incident (source `api`), audited.
#[tracing::instrument(skip_all)]
pub async fn create(
    db: &DatabaseConnection,
    border: &Border,
    caller: Option<&Principal>,
    input: IncidentInput,
) -> Result<Located<IncidentProperties>, ServiceError> {
    let principal = auth::require(caller, Action::WriteIncidents)?;
    let now = Utc::now();
    let txn = db.begin().await.map_err(db_err)?;
    let placer = Placer::load(&txn).await?;
    let (new, unit) = check(input, border, &placer, &principal.jurisdiction, now)?;
    let mut model = incident::ActiveModel {
        id: NotSet,
        source: Set(API_SOURCE.to_owned()),
        created_at: Set(now),
        deleted_at: Set(None),
        is_demo: Set(false),
        ..Default::default()
    };
    assign(&mut model, &new, unit);
    let row = model.insert(&txn).await.map_err(db_err)?;
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: "create",
            record_type: "incident",
            record_id: row.id.to_string(),
            before: None,
            after: Some(snapshot(&row)),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(super::places::incident_view(row))
}

/// The live (not deleted) incident `id` if the caller's jurisdiction covers it.
async fn live_in_scope(
    db: &impl ConnectionTrait,
    id: i64,
    scope: &Jurisdiction,
) -> Result<incident::Model, ServiceError> {
    incident::Entity::find_by_id(id)
        .filter(incident::Column::DeletedAt.is_null())
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| scope.covers(row.admin_unit_id))
        .ok_or(ServiceError::NotFound { kind: RecordKind::Incident, id: id.to_string() })
}

/// `PUT /api/v1/incidents/{id}`: replaces every editable field (time, place, category,
/// counts, village, description); border fields and unit are recomputed; `source`, `is_demo`
/// and `created_at` stay. Audited with the record before and after.
#[tracing::instrument(skip(db, border, caller, input))]
pub async fn replace(
    db: &DatabaseConnection,
    border: &Border,
    caller: Option<&Principal>,
    id: i64,
    input: IncidentInput,
) -> Result<Located<IncidentProperties>, ServiceError> {
    let principal = auth::require(caller, Action::WriteIncidents)?;
    let now = Utc::now();
    let txn = db.begin().await.map_err(db_err)?;
    let before = live_in_scope(&txn, id, &principal.jurisdiction).await?;
    let placer = Placer::load(&txn).await?;
    let (new, unit) = check(input, border, &placer, &principal.jurisdiction, now)?;
    let mut model: incident::ActiveModel = before.clone().into();
    assign(&mut model, &new, unit);
    let row = model.update(&txn).await.map_err(db_err)?;
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: "update",
            record_type: "incident",
            record_id: id.to_string(),
            before: Some(snapshot(&before)),
            after: Some(snapshot(&row)),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(super::places::incident_view(row))
}

/// `DELETE /api/v1/incidents/{id}`: marks the record deleted (it leaves every list, page and
/// figure but stays in the database and the audit trail).
#[tracing::instrument(skip(db, caller))]
pub async fn delete(db: &DatabaseConnection, caller: Option<&Principal>, id: i64) -> Result<(), ServiceError> {
    let principal = auth::require(caller, Action::WriteIncidents)?;
    let txn = db.begin().await.map_err(db_err)?;
    let before = live_in_scope(&txn, id, &principal.jurisdiction).await?;
    let now = Utc::now();
    // Only a row still live is marked: two concurrent deletes cannot both succeed.
    let marked = incident::Entity::update_many()
        .col_expr(incident::Column::DeletedAt, Expr::value(now))
        .filter(incident::Column::Id.eq(id))
        .filter(incident::Column::DeletedAt.is_null())
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if marked.rows_affected != 1 {
        return Err(ServiceError::NotFound { kind: RecordKind::Incident, id: id.to_string() });
    }
    let after = incident::Model { deleted_at: Some(now), ..before.clone() };
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: Some(principal.user_id),
            action: "delete",
            record_type: "incident",
            record_id: id.to_string(),
            before: Some(snapshot(&before)),
            after: Some(snapshot(&after)),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Import

/// The file formats `banna import incidents` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// A FeatureCollection of Point features (properties as the API's).
    GeoJson,
    /// A header row naming the columns (see [`CSV_REQUIRED`], [`CSV_OPTIONAL`]).
    Csv,
}

/// Columns every CSV must have (any order): position in the file's datum, then the record.
pub const CSV_REQUIRED: [&str; 6] = ["lon", "lat", "occurred_at", "category", "persons", "villagers"];
/// Columns a CSV may have; an empty field means none. Other columns are ignored.
pub const CSV_OPTIONAL: [&str; 3] = ["village_id", "description", "source"];

/// How many invalid records an import lists (it still counts them all).
pub const MAX_LISTED: usize = 20;

/// Where in the file a record is: a feature's index in `features` (counting from 0) or a
/// CSV line (counting from 1, the header being line 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordAt {
    Feature(u64),
    Line(u64),
}

/// What is wrong with a record, or with the file at that place.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblem {
    /// The record breaks a rule of the API.
    Invalid(DomainError),
    /// The file cannot be read from here on (JSON syntax, I/O); nothing after it was read.
    Unreadable { reason: String },
    /// The CSV header lacks a required column.
    MissingColumn { column: &'static str },
    /// The JSON is not a FeatureCollection with a `features` array.
    NotFeatureCollection,
}

impl ImportProblem {
    /// Fluent message id of the reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            ImportProblem::Invalid(error) => error.message_id(),
            ImportProblem::Unreadable { .. } => "cli-import-unreadable",
            ImportProblem::MissingColumn { .. } => "cli-import-missing-column",
            ImportProblem::NotFeatureCollection => "cli-import-not-collection",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ImportProblem::Invalid(error) => error.args(),
            ImportProblem::Unreadable { reason } => vec![("reason", reason.clone())],
            ImportProblem::MissingColumn { column } => vec![("column", (*column).to_owned())],
            ImportProblem::NotFeatureCollection => Vec::new(),
        }
    }
}

/// An invalid record.
#[derive(Clone, Debug, PartialEq)]
pub struct BadRecord {
    pub at: RecordAt,
    pub problem: ImportProblem,
}

/// What to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    pub format: ImportFormat,
    pub datum: Datum,
    /// The file's name, kept in the audit trail.
    pub file_name: String,
    /// Who runs the import (`None`: the operator at the command line).
    pub actor_user_id: Option<i32>,
    /// The input's size when known (a file), to judge whether rebuilding indexes pays.
    pub input_bytes: Option<u64>,
}

/// How an import ended.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    /// Every record is stored.
    Imported { records: u64, seconds: f64 },
    /// Nothing is stored: `invalid` records (or a file problem) were found; the first
    /// [`MAX_LISTED`] are listed in file order.
    Rejected { invalid: u64, first: Vec<BadRecord> },
}

/// Records per INSERT on SQLite: 16 values each stays under its 32,766 parameters.
const SQLITE_BATCH_ROWS: usize = 2_000;
/// Records per INSERT on PostgreSQL (16 array parameters, whatever the number of rows).
const POSTGRES_BATCH_ROWS: usize = 20_000;
/// SQLite page cache during an import, KiB.
const SQLITE_CACHE_KIB: u32 = 256 * 1024;
/// Batches the reader may run ahead of the database.
const QUEUE_BATCHES: usize = 4;
/// Bytes a record typically takes in a file (a feature of a compact GeoJSON, a CSV row), to
/// estimate how many records a file of known size holds.
const TYPICAL_RECORD_BYTES: [(ImportFormat, u64); 2] = [(ImportFormat::GeoJson, 200), (ImportFormat::Csv, 70)];
/// Below this many records (estimated) an import keeps the indexes as they are.
const REBUILD_MIN_RECORDS: u64 = 50_000;

/// The columns an import writes, with their PostgreSQL array types, in statement order.
const INSERT_COLUMNS: [(&str, &str); 16] = [
    ("occurred_at", "timestamptz"),
    ("category", "text"),
    ("persons_apprehended", "integer"),
    ("villagers_involved", "integer"),
    ("village_id", "integer"),
    ("admin_unit_id", "integer"),
    ("source", "text"),
    ("description", "text"),
    ("created_at", "timestamptz"),
    ("lon", "float8"),
    ("lat", "float8"),
    ("border_km", "float8"),
    ("distance_m", "float8"),
    ("section", "text"),
    ("side", "text"),
    ("is_demo", "boolean"),
];

/// A checked record and its unit, waiting for its batch.
struct Row {
    new: NewIncident,
    unit: Option<i32>,
}

/// One INSERT statement of a batch of records.
struct Batch {
    rows: usize,
    sql: String,
    values: Vec<Value>,
}

/// `INSERT INTO incidents (…) VALUES (?, …), …` for `rows` rows (SQLite).
fn sqlite_insert_sql(rows: usize) -> String {
    let columns: Vec<&str> = INSERT_COLUMNS.iter().map(|(name, _)| *name).collect();
    let placeholders = format!("({})", vec!["?"; columns.len()].join(", "));
    format!("INSERT INTO incidents ({}) VALUES {}", columns.join(", "), vec![placeholders; rows].join(", "))
}

/// `INSERT INTO incidents (…) SELECT * FROM UNNEST($1::text::timestamptz[], …)` (PostgreSQL):
/// each column travels as one array literal, so a batch is one short statement whatever its
/// size.
fn postgres_insert_sql() -> String {
    let columns: Vec<&str> = INSERT_COLUMNS.iter().map(|(name, _)| *name).collect();
    let arrays: Vec<String> =
        INSERT_COLUMNS.iter().enumerate().map(|(index, (_, kind))| format!("${}::text::{kind}[]", index + 1)).collect();
    format!("INSERT INTO incidents ({}) SELECT * FROM UNNEST({})", columns.join(", "), arrays.join(", "))
}

/// The SQLite statement values of one row, in [`INSERT_COLUMNS`] order.
fn sqlite_values(row: &Row, now: DateTime<Utc>, values: &mut Vec<Value>) {
    let (new, border) = (&row.new, row.new.border());
    values.extend([
        Value::from(new.occurred_at()),
        Value::from(new.category().code()),
        Value::from(new.persons_apprehended()),
        Value::from(new.villagers_involved()),
        Value::from(new.village_id()),
        Value::from(row.unit),
        Value::from(new.source().unwrap_or(IMPORT_SOURCE)),
        Value::from(new.description().map(str::to_owned)),
        Value::from(now),
        Value::from(new.position().lon()),
        Value::from(new.position().lat()),
        Value::from(border.border_km),
        Value::from(border.distance_m),
        Value::from(border.section.clone()),
        Value::from(border.side.clone()),
        Value::from(false),
    ]);
}

/// Appends one element to a PostgreSQL array literal (without its braces): `NULL`, or the
/// text double-quoted with `"` and `\` escaped by a backslash (the array input syntax).
fn push_element(array: &mut String, value: Option<&str>) {
    if !array.is_empty() {
        array.push(',');
    }
    match value {
        None => array.push_str("NULL"),
        Some(text) => {
            array.push('"');
            for c in text.chars() {
                if c == '"' || c == '\\' {
                    array.push('\\');
                }
                array.push(c);
            }
            array.push('"');
        }
    }
}

/// The PostgreSQL array literals of a batch, one per column of [`INSERT_COLUMNS`].
fn postgres_values(rows: &[Row], now: DateTime<Utc>) -> Vec<Value> {
    let mut arrays: [String; 16] = Default::default();
    let created = now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let number = |value: Option<f64>| value.map(|v| format!("{v:?}"));
    for row in rows {
        let (new, border) = (&row.new, row.new.border());
        let fields: [Option<String>; 16] = [
            Some(new.occurred_at().to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            Some(new.category().code().to_owned()),
            Some(new.persons_apprehended().to_string()),
            Some(new.villagers_involved().to_string()),
            new.village_id().map(|id| id.to_string()),
            row.unit.map(|id| id.to_string()),
            Some(new.source().unwrap_or(IMPORT_SOURCE).to_owned()),
            new.description().map(str::to_owned),
            Some(created.clone()),
            number(Some(new.position().lon())),
            number(Some(new.position().lat())),
            number(border.border_km),
            number(border.distance_m),
            border.section.clone(),
            border.side.clone(),
            Some("f".to_owned()),
        ];
        for (array, field) in arrays.iter_mut().zip(&fields) {
            push_element(array, field.as_deref());
        }
    }
    arrays.into_iter().map(|array| Value::from(format!("{{{array}}}"))).collect()
}

/// Builds the statements of an import for one backend.
struct Statements {
    backend: DatabaseBackend,
    now: DateTime<Utc>,
    full_sql: String,
}

impl Statements {
    fn new(backend: DatabaseBackend, now: DateTime<Utc>) -> Statements {
        let full_sql = match backend {
            DatabaseBackend::Postgres => postgres_insert_sql(),
            _ => sqlite_insert_sql(SQLITE_BATCH_ROWS),
        };
        Statements { backend, now, full_sql }
    }

    fn batch_rows(&self) -> usize {
        match self.backend {
            DatabaseBackend::Postgres => POSTGRES_BATCH_ROWS,
            _ => SQLITE_BATCH_ROWS,
        }
    }

    fn batch(&self, rows: &[Row]) -> Batch {
        match self.backend {
            DatabaseBackend::Postgres => {
                Batch { rows: rows.len(), sql: self.full_sql.clone(), values: postgres_values(rows, self.now) }
            }
            _ => {
                let mut values = Vec::with_capacity(rows.len() * INSERT_COLUMNS.len());
                for row in rows {
                    sqlite_values(row, self.now, &mut values);
                }
                let sql =
                    if rows.len() == SQLITE_BATCH_ROWS { self.full_sql.clone() } else { sqlite_insert_sql(rows.len()) };
                Batch { rows: rows.len(), sql, values }
            }
        }
    }
}

/// What the reader found, besides the batches it sent.
#[derive(Default)]
struct ReadSummary {
    records: u64,
    invalid: u64,
    first: Vec<BadRecord>,
}

/// Reads, checks and locates the records on a blocking thread, sending batches of valid ones
/// to the writer. After the first invalid record nothing more is sent (the import will be
/// rolled back) but the rest of the file is still checked, to count and list its errors.
struct Reader {
    border: Arc<Border>,
    placer: Placer,
    datum: Datum,
    now: DateTime<Utc>,
    sender: tokio::sync::mpsc::Sender<Batch>,
    statements: Statements,
    pending: Vec<Row>,
    summary: ReadSummary,
    /// False once the writer has gone away (a database error): stop reading.
    writer_alive: bool,
}

impl Reader {
    fn record(&mut self, at: RecordAt, input: Result<IncidentInput, DomainError>) {
        self.summary.records += 1;
        let checked = input.and_then(|mut input| {
            (input.lon, input.lat) = self.datum.to_wgs84(input.lon, input.lat);
            check(input, &self.border, &self.placer, &Jurisdiction::All, self.now)
        });
        match checked {
            Ok((new, unit)) if self.summary.invalid == 0 => {
                self.pending.push(Row { new, unit });
                if self.pending.len() == self.statements.batch_rows() {
                    self.flush();
                }
            }
            Ok(_) => {}
            Err(error) => self.bad(at, ImportProblem::Invalid(error)),
        }
    }

    fn bad(&mut self, at: RecordAt, problem: ImportProblem) {
        self.summary.invalid += 1;
        if self.summary.first.len() < MAX_LISTED {
            self.summary.first.push(BadRecord { at, problem });
        }
        self.pending = Vec::new();
    }

    fn flush(&mut self) {
        if self.pending.is_empty() || self.summary.invalid > 0 || !self.writer_alive {
            return;
        }
        let batch = self.statements.batch(&self.pending);
        self.pending.clear();
        self.writer_alive = self.sender.blocking_send(batch).is_ok();
    }

    fn read_csv(&mut self, input: impl Read) {
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(input);
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(error) => return self.bad(RecordAt::Line(1), ImportProblem::Unreadable { reason: error.to_string() }),
        };
        let find = |name: &str| header.iter().position(|field| field.trim().eq_ignore_ascii_case(name));
        let mut required = [0_usize; 6];
        for (slot, name) in required.iter_mut().zip(CSV_REQUIRED) {
            match find(name) {
                Some(index) => *slot = index,
                None => return self.bad(RecordAt::Line(1), ImportProblem::MissingColumn { column: name }),
            }
        }
        let [village_column, description_column, source_column] = CSV_OPTIONAL.map(find);
        let mut record = csv::StringRecord::new();
        let mut line = 1;
        while self.writer_alive {
            let read = reader.read_record(&mut record);
            line = record.position().map_or(line + 1, |position| position.line());
            match read {
                Ok(false) => break,
                Ok(true) => {
                    let field = |index: usize| record.get(index);
                    let input = (|| {
                        let need = |index: usize, name: &'static str| {
                            field(index).ok_or(DomainError::MissingParameter { name })
                        };
                        IncidentInput::from_text(TextFields {
                            lon: need(required[0], "lon")?,
                            lat: need(required[1], "lat")?,
                            occurred_at: need(required[2], "occurred_at")?,
                            category: need(required[3], "category")?,
                            persons: need(required[4], "persons")?,
                            villagers: need(required[5], "villagers")?,
                            village_id: village_column.and_then(field),
                            description: description_column.and_then(field),
                            source: source_column.and_then(field),
                        })
                    })();
                    self.record(RecordAt::Line(line), input);
                }
                Err(error) if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) => {
                    self.summary.records += 1;
                    self.bad(RecordAt::Line(line), ImportProblem::Unreadable { reason: error.to_string() });
                }
                Err(error) => {
                    return self.bad(RecordAt::Line(line), ImportProblem::Unreadable { reason: error.to_string() });
                }
            }
        }
    }

    fn read_geojson(&mut self, input: impl Read) {
        use serde::de::DeserializeSeed;
        let mut deserializer = serde_json::Deserializer::from_reader(input);
        let outcome = Collection { reader: self }.deserialize(&mut deserializer).and_then(|found| {
            deserializer.end()?;
            Ok(found)
        });
        match outcome {
            Ok(true) => {}
            Ok(false) => self.bad(RecordAt::Line(1), ImportProblem::NotFeatureCollection),
            Err(error) if !self.writer_alive => drop(error),
            Err(error) => {
                let reason = error.to_string();
                self.bad(RecordAt::Line(error.line() as u64), ImportProblem::Unreadable { reason });
            }
        }
    }
}

/// The top-level object of a FeatureCollection; its `features` are handed to the reader one
/// by one as they are parsed. Deserializes to whether it is a FeatureCollection with features.
struct Collection<'r> {
    reader: &'r mut Reader,
}

impl<'de> serde::de::DeserializeSeed<'de> for Collection<'_> {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Collection<'_> {
    type Value = bool;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a GeoJSON FeatureCollection")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut kind_ok = true;
        let mut has_features = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => kind_ok = map.next_value::<serde_json::Value>()? == "FeatureCollection",
                "features" if !has_features => {
                    has_features = true;
                    map.next_value_seed(Features { reader: &mut *self.reader })?;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(kind_ok && has_features)
    }
}

/// The `features` array, streamed.
struct Features<'r> {
    reader: &'r mut Reader,
}

impl<'de> serde::de::DeserializeSeed<'de> for Features<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Features<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("an array of GeoJSON features")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0_u64;
        while let Some(feature) = seq.next_element::<serde_json::Value>()? {
            let input = IncidentInput::from_feature(&feature);
            self.reader.record(RecordAt::Feature(index), input);
            if !self.reader.writer_alive {
                return Err(serde::de::Error::custom("the import stopped"));
            }
            index += 1;
        }
        Ok(())
    }
}

/// Counts the bytes read, for the progress bar.
struct Counted<R> {
    inner: R,
    progress: ProgressBar,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.progress.inc(read as u64);
        Ok(read)
    }
}

/// Whether an import is a bulk write: when the file holds (by its size) at least
/// [`REBUILD_MIN_RECORDS`] records and at least half as many as the table (its highest id).
/// Then the work done once over the whole table costs less than the work done row by row: on
/// SQLite the incidents' indexes are dropped and built again after the inserts (on 1,000,000
/// rows about 6 s against 24 s of B-tree inserts), and on both backends the rollup of
/// incidents is recounted once at the end instead of by its triggers
/// ([`super::trends::suspend_rollup`]).
fn is_bulk(format: ImportFormat, input_bytes: Option<u64>, highest_id: i64) -> bool {
    let per_record = TYPICAL_RECORD_BYTES.iter().find(|(known, _)| *known == format).map_or(200, |(_, bytes)| *bytes);
    let Some(estimated) = input_bytes.map(|bytes| bytes / per_record) else { return false };
    estimated >= REBUILD_MIN_RECORDS && estimated.saturating_mul(2) >= u64::try_from(highest_id).unwrap_or(0)
}

/// Drops the incidents' secondary indexes (SQLite, inside the import's transaction: readers
/// keep seeing them until the commit) and returns the statements that create them again.
async fn drop_sqlite_indexes(txn: &impl ConnectionTrait) -> Result<Vec<String>, ServiceError> {
    let backend = DatabaseBackend::Sqlite;
    let listed = Statement::from_string(
        backend,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' AND sql IS NOT NULL",
    );
    let rows = txn.query_all_raw(listed).await.map_err(db_err)?;
    let mut creates = Vec::with_capacity(rows.len());
    for row in rows {
        let name: String = row.try_get_by_index(0).map_err(db_err)?;
        let create: String = row.try_get_by_index(1).map_err(db_err)?;
        txn.execute_unprepared(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\""))).await.map_err(db_err)?;
        creates.push(create);
    }
    Ok(creates)
}

/// Imports incidents from `input` in one transaction: every record is checked with the API's
/// rules (converted from `options.datum` to WGS84 first), located against `border` and placed
/// (the village must exist; no jurisdiction applies, the operator is trusted); if any record
/// is invalid nothing is stored. Records are written in multi-row INSERTs while the file is
/// read, on another thread; one `import_incidents` audit event records the count. `progress`
/// advances by the bytes read.
#[tracing::instrument(skip(db, border, input, progress))]
pub async fn import<R: Read + Send + 'static>(
    db: &DatabaseConnection,
    border: Arc<Border>,
    input: R,
    options: ImportOptions,
    progress: ProgressBar,
) -> Result<ImportOutcome, ServiceError> {
    let started = Instant::now();
    let now = Utc::now();
    let backend = db.get_database_backend();
    let txn = db.begin().await.map_err(db_err)?;
    // A large page cache keeps the indexes' pages in memory while a million rows go in; the
    // connection's previous size is restored before the commit.
    let cache_pages = match backend {
        DatabaseBackend::Sqlite => {
            let row = txn.query_one_raw(Statement::from_string(backend, "PRAGMA cache_size")).await.map_err(db_err)?;
            let pages = row.map(|row| row.try_get_by_index::<i64>(0)).transpose().map_err(db_err)?;
            txn.execute_unprepared(&format!("PRAGMA cache_size = -{SQLITE_CACHE_KIB}")).await.map_err(db_err)?;
            pages
        }
        _ => None,
    };
    let placer = Placer::load(&txn).await?;
    let highest_id: Option<i64> = incident::Entity::find()
        .select_only()
        .column_as(incident::Column::Id.max(), "highest")
        .into_tuple()
        .one(&txn)
        .await
        .map_err(db_err)?
        .flatten();
    let bulk = is_bulk(options.format, options.input_bytes, highest_id.unwrap_or(0));
    let recreate =
        if bulk && backend == DatabaseBackend::Sqlite { drop_sqlite_indexes(&txn).await? } else { Vec::new() };
    let rollup = if bulk { Some(super::trends::suspend_rollup(&txn).await?) } else { None };
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<Batch>(QUEUE_BATCHES);
    let format = options.format;
    let reading = tokio::task::spawn_blocking(move || {
        let mut reader = Reader {
            border,
            placer,
            datum: options.datum,
            now,
            sender,
            statements: Statements::new(backend, now),
            pending: Vec::new(),
            summary: ReadSummary::default(),
            writer_alive: true,
        };
        let input = std::io::BufReader::with_capacity(1 << 16, Counted { inner: input, progress });
        match format {
            ImportFormat::GeoJson => reader.read_geojson(input),
            ImportFormat::Csv => reader.read_csv(input),
        }
        reader.flush();
        reader.summary
    });
    let mut written = 0_u64;
    let mut failure = None;
    while let Some(batch) = receiver.recv().await {
        if let Err(error) = txn.execute_raw(Statement::from_sql_and_values(backend, batch.sql, batch.values)).await {
            failure = Some(db_err(error));
            break;
        }
        written += batch.rows as u64;
    }
    drop(receiver);
    let summary = reading.await.map_err(|error| ServiceError::Unexpected(anyhow::anyhow!("import reader: {error}")))?;
    if let Some(error) = failure {
        return Err(error);
    }
    if summary.invalid > 0 {
        txn.rollback().await.map_err(db_err)?;
        return Ok(ImportOutcome::Rejected { invalid: summary.invalid, first: summary.first });
    }
    debug_assert_eq!(written, summary.records);
    for create in &recreate {
        txn.execute_unprepared(create).await.map_err(db_err)?;
    }
    if let Some(suspended) = rollup {
        super::trends::resume_rollup(&txn, suspended).await?;
    }
    audit::record(
        &txn,
        audit::Event {
            actor_user_id: options.actor_user_id,
            action: "import_incidents",
            record_type: "incident",
            record_id: options.file_name.clone(),
            before: None,
            after: Some(json!({
                "records": written,
                "file": options.file_name,
                "format": match options.format { ImportFormat::GeoJson => "geojson", ImportFormat::Csv => "csv" },
                "datum": match options.datum { Datum::Wgs84 => "wgs84", Datum::Gcj02 => "gcj02" },
            })),
        },
    )
    .await?;
    if let Some(pages) = cache_pages {
        txn.execute_unprepared(&format!("PRAGMA cache_size = {pages}")).await.map_err(db_err)?;
    }
    txn.commit().await.map_err(db_err)?;
    Ok(ImportOutcome::Imported { records: written, seconds: started.elapsed().as_secs_f64() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sqlite_insert_has_one_placeholder_per_value_within_the_limit() {
        let sql = sqlite_insert_sql(3);
        assert_eq!(sql.matches('?').count(), 3 * INSERT_COLUMNS.len());
        assert!(SQLITE_BATCH_ROWS * INSERT_COLUMNS.len() < 32_766);
        assert!(postgres_insert_sql().ends_with("$16::text::boolean[])"));
    }

    #[test]
    fn array_elements_are_quoted_and_escaped() {
        let mut array = String::new();
        push_element(&mut array, Some(r#"a "quoted", back\slash {x}"#));
        push_element(&mut array, None);
        push_element(&mut array, Some("NULL"));
        assert_eq!(array, r#""a \"quoted\", back\\slash {x}",NULL,"NULL""#);
    }

    #[test]
    fn only_imports_large_against_the_table_are_bulk_writes() {
        let megabytes = |n: u64| Some(n * 1_000_000);
        assert!(is_bulk(ImportFormat::GeoJson, megabytes(220), 3_000), "1 M features into the demo");
        assert!(!is_bulk(ImportFormat::GeoJson, megabytes(220), 10_000_000), "into ten million rows");
        assert!(!is_bulk(ImportFormat::Csv, megabytes(1), 0), "a small file");
        assert!(!is_bulk(ImportFormat::Csv, None, 0), "standard input: size unknown");
        assert!(is_bulk(ImportFormat::Csv, megabytes(70), 1_500_000));
    }

    #[test]
    fn a_sector_holds_its_start_but_not_its_end_except_at_the_end_of_the_line() {
        let placer =
            Placer { villages: std::collections::HashMap::new(), sectors: vec![(0.0, 10.0, 1), (10.0, 25.0, 2)] };
        assert_eq!(placer.sector_unit(0.0), Some(1));
        assert_eq!(placer.sector_unit(10.0), Some(2));
        assert_eq!(placer.sector_unit(25.0), Some(2));
        assert_eq!(placer.sector_unit(25.1), None);
    }
}
