//! The yearly report of a jurisdiction: the figures officials publish for a year against the
//! year before, as plain numbers. `banna report`, `GET /api/v1/reports/yearly` and the printable
//! page `/reports/yearly` all read [`yearly`] and only write its numbers out (in words through
//! `crate::report`).
//!
//! Nothing is counted twice: the headline figures, the key villages' indicators, linkage visit
//! compliance, outreach coverage and case handling time are the dashboard's
//! ([`figures::dashboard_of`]); incidents and persons by section and by county are
//! [`trends::change`]'s.

use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::admin::{AdminTree, UnitRef};
use super::figures::{self, Figure, FigureKey};
use super::trends::{self, ChangeBy, ChangeKey, ChangeRow};
use crate::border::Border;
use crate::domain::auth::Jurisdiction;
use crate::domain::bins::YearPair;
use crate::domain::figures::Change;

/// Incidents and persons apprehended of one part of the jurisdiction (a section of the border
/// or a county), as published: rounded, with the change; a year without any incident recorded
/// in the whole jurisdiction is missing, never 0.
#[derive(Clone, Debug)]
pub struct Breakdown {
    /// `MM` or `LA` for a section, the GB/T 2260 code for a county; `None` for the incidents
    /// without one (not located against the border, or recorded without a county).
    pub code: Option<String>,
    /// The county's names (for a section the page uses its own, shorter name).
    pub name_zh: Option<String>,
    pub name_en: Option<String>,
    pub incidents: Figure,
    pub persons: Figure,
}

/// The yearly report: `year` against `year − 1` for one jurisdiction.
#[derive(Clone, Debug)]
pub struct YearlyReport {
    pub year: i32,
    pub base_year: i32,
    /// The unit the jurisdiction is named after (the prefecture for the whole of it).
    pub jurisdiction: Option<UnitRef>,
    /// Whether any live incident is recorded in the jurisdiction in the base year and in the
    /// report's year. A year without any is a year whose incidents were not recorded: its
    /// incident figures are missing rather than 0.
    pub incidents_recorded: [bool; 2],
    /// The dashboard's figures, in its order (incidents, persons, the key villages'
    /// collective income, per-capita income and villagers involved in cross-border crime,
    /// linkage visit compliance and visits, outreach coverage, case handling time and
    /// overdue cases); `None` where the data are missing.
    pub figures: Vec<Figure>,
    /// Incidents and persons per section of the border (MM, LA).
    pub by_section: Vec<Breakdown>,
    /// Incidents and persons per county of the jurisdiction.
    pub by_county: Vec<Breakdown>,
}

impl YearlyReport {
    /// The figure `key`, if the dashboard has it.
    pub fn figure(&self, key: FigureKey) -> Option<&Figure> {
        self.figures.iter().find(|figure| figure.key == key)
    }
}

/// The yearly report of `scope` for local calendar year `year` (time zone `tz`) against the
/// year before, sections cut along `border`. The caller authorizes (`Action::ReadReports`) and
/// passes its jurisdiction; the command line runs as the system and passes
/// [`Jurisdiction::All`]. `year` and the year before must lie within
/// [`crate::domain::period::YEARS`], else [`ServiceError::Invalid`].
#[tracing::instrument(skip(db, border))]
pub async fn yearly(
    db: &DatabaseConnection,
    scope: &Jurisdiction,
    border: &Border,
    year: i32,
    tz: chrono_tz::Tz,
) -> Result<YearlyReport, ServiceError> {
    let years = YearPair::new(year.saturating_sub(1), year)?;
    let (base_year, compare_year) = (years.base(), years.compare());
    let dashboard = figures::dashboard_of(db, scope, compare_year, tz).await?;
    let counted = |slot: usize| {
        let incidents = dashboard.figures.iter().find(|figure| figure.key == FigureKey::Incidents);
        incidents.and_then(|figure| [figure.base, figure.compare][slot]).is_some_and(|count| count > 0.0)
    };
    let recorded = [counted(0), counted(1)];
    let figures = dashboard
        .figures
        .into_iter()
        .map(|figure| match figure.key {
            FigureKey::Incidents | FigureKey::Persons => recorded_only(figure, recorded),
            _ => figure,
        })
        .collect();
    let by_section = trends::change(db, scope, border, base_year, compare_year, ChangeBy::Section, tz).await?;
    let by_county = trends::change(db, scope, border, base_year, compare_year, ChangeBy::County, tz).await?;
    let tree = AdminTree::load(db).await?;
    Ok(YearlyReport {
        year: compare_year,
        base_year,
        jurisdiction: tree.top_of(scope),
        incidents_recorded: recorded,
        figures,
        by_section: by_section.rows.iter().filter_map(|row| breakdown(row, recorded)).collect(),
        by_county: by_county.rows.iter().filter_map(|row| breakdown(row, recorded)).collect(),
    })
}

/// An incident figure with the years without any incident recorded made missing.
fn recorded_only(figure: Figure, recorded: [bool; 2]) -> Figure {
    Figure::new(figure.key, figure.base.filter(|_| recorded[0]), figure.compare.filter(|_| recorded[1]))
}

/// A row of a change table by section or by county as the report shows it.
fn breakdown(row: &ChangeRow, recorded: [bool; 2]) -> Option<Breakdown> {
    let (code, name_zh, name_en) = match &row.key {
        ChangeKey::Section(Some(section)) => (Some(section.code.as_str().to_owned()), None, None),
        ChangeKey::County(Some(unit)) => {
            (Some(unit.code.clone()), Some(unit.name_zh.clone()), Some(unit.name_en.clone()))
        }
        ChangeKey::Section(None) | ChangeKey::County(None) => (None, None, None),
        ChangeKey::Total | ChangeKey::Bin { .. } | ChangeKey::Category(_) => return None,
    };
    let figure = |key: FigureKey, change: &Change| {
        recorded_only(Figure::new(key, Some(change.base), Some(change.compare)), recorded)
    };
    Some(Breakdown {
        code,
        name_zh,
        name_en,
        incidents: figure(FigureKey::Incidents, &row.incidents),
        persons: figure(FigureKey::Persons, &row.persons),
    })
}
