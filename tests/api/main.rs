//! Integration tests: the real app on port 0 with a fresh database per test, on SQLite and,
//! when `BANNA_TEST_PG` holds a PostgreSQL URL, on PostgreSQL too.

mod architecture;
mod auth;
mod border;
mod browser;
mod cli;
mod dashboard;
mod demo;
mod features;
mod field;
mod fixtures;
mod health;
mod helpers;
mod hotspots;
mod import;
mod incident_writes;
mod linkages;
mod locales;
mod outreach_coverage;
mod outreach_forms;
mod outreach_notice;
mod outreach_pages;
mod outreach_sessions;
mod pages;
mod patrols;
mod report;
mod schema;
mod trend;
mod trends;
mod visit_pages;
mod visits;
