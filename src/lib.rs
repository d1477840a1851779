//! banna-border: a field toolkit for border-area governance and legal outreach in
//! Xishuangbanna. See ARCHITECTURE.md for the map of modules and their invariants.

pub mod api;
pub mod border;
pub mod charts;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod notice;
pub mod report;
pub mod services;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
