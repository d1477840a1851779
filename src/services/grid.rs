//! Incidents counted per grid cell, for the map's heat layer: the live incidents of the caller's
//! jurisdiction that match the incident list's filter (dates, category), grouped by the
//! database into the cells of [`crate::domain::grid::CellGrid`].
//!
//! The grid's reference latitude φ₀ is the middle of the border line's latitude range, rounded
//! to 0.1°: fixed for a given line, so the cells do not move when the filter changes.

use sea_orm::DatabaseConnection;

use super::ServiceError;
use super::auth::Principal;
use super::records::matching_incidents;
use crate::border::Border;
use crate::domain::filter::IncidentFilter;
use crate::domain::grid::{CellGrid, CellSize, ORIGIN};
use crate::store::incident_cells;

/// One non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    pub i: i64,
    pub j: i64,
    pub incidents: i64,
    pub persons: i64,
    /// The closed, counter-clockwise outline, `[lon, lat]` degrees.
    pub ring: Vec<Vec<f64>>,
    /// Width and height at the cell's middle latitude, km.
    pub width_km: f64,
    pub height_km: f64,
}

/// The cells with incidents, and the grid they belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentGrid {
    pub grid: CellGrid,
    pub cells: Vec<GridCell>,
}

/// φ₀ of the grid for `border`: the middle of its latitude range, rounded to 0.1°.
pub fn reference_latitude(border: &Border) -> f64 {
    let (south, north) = border.vertices().iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(south, north), vertex| {
        (south.min(vertex[1]), north.max(vertex[1]))
    });
    if south.is_finite() && north.is_finite() { ((south + north) / 2.0 * 10.0).round() / 10.0 } else { 0.0 }
}

/// Live incidents and persons apprehended per cell of `size` km, for the incidents `principal`
/// may read that match `filter` (dates as local calendar days in `tz`); empty cells are left out.
#[tracing::instrument(skip(db, principal, border))]
pub async fn incident_grid(
    db: &DatabaseConnection,
    principal: &Principal,
    border: &Border,
    size: CellSize,
    filter: &IncidentFilter,
    tz: chrono_tz::Tz,
) -> Result<IncidentGrid, ServiceError> {
    let grid = CellGrid::new(size, reference_latitude(border));
    let (select, _) = matching_incidents(db, principal, filter, None, tz).await?;
    let counts = incident_cells::count_per_cell(db, select, ORIGIN, grid.dlon(), grid.dlat()).await?;
    let cells = counts
        .into_iter()
        .map(|count| {
            let (width_km, height_km) = grid.size_km(count.i, count.j);
            GridCell {
                i: count.i,
                j: count.j,
                incidents: count.incidents,
                persons: count.persons,
                ring: grid.ring(count.i, count.j),
                width_km,
                height_km,
            }
        })
        .collect();
    Ok(IncidentGrid { grid, cells })
}
