//! sea-orm entities, one module per table. They never leave `store/` and `services/`.

pub mod admin_unit;
pub mod audit_event;
pub mod auth_token;
pub mod border_version;
pub mod case;
pub mod case_event;
pub mod department;
pub mod incident;
pub mod incident_rollup;
pub mod incident_rollup_cell;
pub mod incident_rollup_month;
pub mod linkage;
pub mod linkage_officer;
pub mod login_throttle;
pub mod meta;
pub mod outreach_member;
pub mod outreach_member_language;
pub mod outreach_session;
pub mod outreach_team;
pub mod patrol;
pub mod post;
pub mod user;
pub mod village;
pub mod village_indicator;
pub mod village_language;
pub mod visit;
