//! The legal-outreach pages coordinators and officials read: `/outreach` (coverage of a period,
//! `coverage.rs`), `/outreach/sessions` (the session list, `sessions.rs`), `/outreach/teams` and
//! `/outreach/teams/{id}` (members, upcoming sessions, suggestions, `teams.rs`). Each calls the
//! service the matching `/api/v1/outreach/…` endpoint calls and only writes its answer out;
//! numbers a test compares with the API travel in `data-*` attributes. The frame, texts,
//! links, paging and error pages are the record pages' (`web/records`).

pub mod coverage;
pub mod sessions;
pub mod teams;

use chrono::SecondsFormat;
use fluent_bundle::FluentValue;

use super::records::{Link, Texts};
use crate::domain::figures::round1;
use crate::domain::outreach_plan::Tally;
use crate::services::figures::Unit;
use crate::services::outreach::SessionView;

/// Villages reached out of those counted, and the share (absent without data or villages).
pub struct TallyCells {
    pub covered: u64,
    pub total: u64,
    /// "3 / 5".
    pub counts: String,
    /// The share as the API gives it (`sharePercent`), one decimal; empty when `null`.
    pub share_value: String,
    pub share_text: String,
}

impl TallyCells {
    pub(super) fn new(t: &Texts, tally: &Tally, has_data: bool) -> TallyCells {
        let share = tally.share_percent().filter(|_| has_data).map(round1);
        TallyCells {
            covered: tally.covered,
            total: tally.total,
            counts: format!(
                "{} / {}",
                super::html::grouped(tally.covered as i64),
                super::html::grouped(tally.total as i64)
            ),
            share_value: share.map(|value| Unit::Percent.plain(value)).unwrap_or_default(),
            share_text: share.map_or_else(|| t.get("page-record-no-data"), |value| Unit::Percent.written(value)),
        }
    }
}

/// A session's status in words.
fn status_text(t: &Texts, code: &str) -> String {
    t.term(&format!("page-outreach-status-{code}"), code)
}

/// How well a member speaks a language, in words.
fn level_text(t: &Texts, code: &str) -> String {
    t.term(&format!("page-outreach-level-{code}"), code)
}

/// A session as a row of the session list and of a team's upcoming sessions.
pub struct SessionLine {
    pub id: i32,
    /// The session's page.
    pub href: String,
    /// Local start and end, "2024-03-10 09:00–11:00".
    pub time: String,
    /// The start as the API gives it (UTC, RFC 3339).
    pub starts_at: String,
    pub team_id: i32,
    pub team: Link,
    pub village_id: i32,
    pub village: Link,
    pub language_code: String,
    pub language: String,
    pub status_code: String,
    pub status: String,
    pub presenters: String,
    pub notice_html: String,
    pub notice_svg: String,
}

fn session_line(t: &Texts, session: &SessionView, tz: chrono_tz::Tz) -> SessionLine {
    let starts = session.starts_at.with_timezone(&tz);
    let ends = session.ends_at.with_timezone(&tz);
    let end_format = if starts.date_naive() == ends.date_naive() { "%H:%M" } else { "%Y-%m-%d %H:%M" };
    let separator = t.get("page-record-list-separator");
    let presenters: Vec<&str> = session.presenters.iter().map(|presenter| presenter.name.as_str()).collect();
    let notice = format!("/api/v1/outreach/sessions/{}/notice", session.id);
    SessionLine {
        id: session.id,
        href: format!("/outreach/sessions/{}", session.id),
        time: format!("{}–{}", starts.format("%Y-%m-%d %H:%M"), ends.format(end_format)),
        starts_at: session.starts_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        team_id: session.team.id,
        team: Link::new(
            format!("/outreach/teams/{}", session.team.id),
            t.name(&session.team.name_zh, session.team.name_en.as_deref()),
        ),
        village_id: session.village.id,
        village: Link::new(
            format!("/villages/{}", session.village.id),
            t.name(&session.village.name_zh, session.village.name_en.as_deref()),
        ),
        language_code: session.language.clone(),
        language: t.language(&session.language),
        status_code: session.status.clone(),
        status: status_text(t, &session.status),
        presenters: if presenters.is_empty() { "—".to_owned() } else { presenters.join(&separator) },
        notice_html: format!("{notice}?format=html"),
        notice_svg: format!("{notice}?format=svg"),
    }
}

/// "From {first} to {last}" for a period of local days.
fn period_text(t: &Texts, first: chrono::NaiveDate, last: chrono::NaiveDate) -> String {
    t.format(
        "page-outreach-period",
        &[("from", FluentValue::from(first.to_string())), ("to", FluentValue::from(last.to_string()))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_written_as_the_api_rounds_them_and_missing_without_data() {
        let t = Texts::new(&"en".parse().expect("tag"));
        let cells = TallyCells::new(&t, &Tally { total: 3, covered: 2 }, true);
        assert_eq!((cells.counts.as_str(), cells.share_value.as_str()), ("2 / 3", "66.7"));
        assert_eq!(cells.share_text, "66.7\u{a0}%");
        let none = TallyCells::new(&t, &Tally { total: 3, covered: 0 }, false);
        assert_eq!((none.share_value.as_str(), none.share_text), ("", t.get("page-record-no-data")));
        let empty = TallyCells::new(&t, &Tally::default(), true);
        assert_eq!(empty.share_value, "");
    }

    #[test]
    fn statuses_and_levels_have_words_and_unknown_codes_stay_as_they_are() {
        let t = Texts::new(&"zh-CN".parse().expect("tag"));
        for status in crate::domain::outreach::Status::ALL {
            assert_ne!(status_text(&t, status.code()), status.code());
        }
        for level in crate::domain::outreach::Level::ALL {
            assert_ne!(level_text(&t, level.code()), level.code());
        }
        assert_eq!(status_text(&t, "postponed"), "postponed");
        assert_eq!(level_text(&t, "perfect"), "perfect");
    }
}
