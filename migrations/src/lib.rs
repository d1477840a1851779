//! Schema migrations for banna-border, in order. A shipped migration is never edited: add a new one.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20261128_000001_places;
mod m20261128_000002_linkage_outreach;
mod m20261128_000003_incidents_cases_audit;
mod m20261128_000004_seed_admin_units;
mod m20261128_000005_border_versions;
mod m20261128_000006_auth;
mod m20261129_000007_incident_rollup;
mod m20261129_000008_incident_rollup_cells;
mod m20261129_000009_outreach_scheduling;
mod m20261130_000010_outreach_calendars;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_places::Migration),
            Box::new(m20261128_000002_linkage_outreach::Migration),
            Box::new(m20261128_000003_incidents_cases_audit::Migration),
            Box::new(m20261128_000004_seed_admin_units::Migration),
            Box::new(m20261128_000005_border_versions::Migration),
            Box::new(m20261128_000006_auth::Migration),
            Box::new(m20261129_000007_incident_rollup::Migration),
            Box::new(m20261129_000008_incident_rollup_cells::Migration),
            Box::new(m20261129_000009_outreach_scheduling::Migration),
            Box::new(m20261130_000010_outreach_calendars::Migration),
        ]
    }
}
