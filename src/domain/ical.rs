//! iCalendar (RFC 5545) text, written by hand: enough of the format for a feed of events that
//! phone calendars subscribe to.
//!
//! The rules kept here: lines end in CRLF (§3.1); a content line longer than 75 octets is
//! folded by CRLF and one space, never inside a UTF-8 sequence (§3.1); TEXT values escape
//! backslash, semicolon, comma and newline (§3.3.11); times are UTC in the form
//! `YYYYMMDDTHHMMSSZ` (§3.3.5); `GEO` is latitude;longitude (§3.8.1.6).
//!
//! ```
//! use banna_border::domain::ical::{fold, escape_text};
//! assert_eq!(escape_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
//! let line = format!("SUMMARY:{}", "x".repeat(80));
//! assert_eq!(fold(&line), format!("SUMMARY:{}\r\n {}\r\n", "x".repeat(67), "x".repeat(13)));
//! ```

use chrono::{DateTime, Utc};

/// Octets a content line may hold before it is folded, the CRLF not counted.
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value: `\` `;` `,` and line breaks (CR LF, LF or CR become `\n`).
pub fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            // Other control characters are not allowed in TEXT (§3.3.11).
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// One content line, folded into lines of at most 75 octets, each ending in CRLF; the
/// continuation lines start with a space, which counts in their 75 octets.
pub fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_LINE_OCTETS {
            folded.push_str("\r\n ");
            used = 1;
        }
        folded.push(c);
        used += width;
    }
    folded.push_str("\r\n");
    folded
}

/// A UTC time as iCalendar writes it: `20270110T010000Z`.
pub fn utc_time(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// An event's status (§3.8.1.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStatus {
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn code(self) -> &'static str {
        match self {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// One `VEVENT`. Text fields are plain text; [`Calendar::write`] escapes them.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Globally unique and the same for the event in every download, so a calendar updates
    /// the event instead of adding it again.
    pub uid: String,
    /// Revisions of the event: a calendar keeps the one with the highest sequence.
    pub sequence: u32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: EventStatus,
    pub summary: String,
    pub location: String,
    pub description: String,
    /// WGS84 longitude and latitude in degrees.
    pub lon_lat: Option<(f64, f64)>,
}

/// A `VCALENDAR` published as a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    /// The product identifier (`PRODID`).
    pub product: String,
    /// The calendar's name, shown by calendar apps (`X-WR-CALNAME`, `NAME` of RFC 7986).
    pub name: String,
    pub events: Vec<Event>,
}

impl Calendar {
    /// The calendar as iCalendar text; `stamped_at` is the `DTSTAMP` of every event (the
    /// time the feed was written).
    pub fn write(&self, stamped_at: DateTime<Utc>) -> String {
        let mut out = String::new();
        let mut line = |text: String| out.push_str(&fold(&text));
        line("BEGIN:VCALENDAR".into());
        line("VERSION:2.0".into());
        line(format!("PRODID:{}", escape_text(&self.product)));
        line("CALSCALE:GREGORIAN".into());
        line("METHOD:PUBLISH".into());
        line(format!("NAME:{}", escape_text(&self.name)));
        line(format!("X-WR-CALNAME:{}", escape_text(&self.name)));
        for event in &self.events {
            line("BEGIN:VEVENT".into());
            line(format!("UID:{}", escape_text(&event.uid)));
            line(format!("DTSTAMP:{}", utc_time(stamped_at)));
            line(format!("SEQUENCE:{}", event.sequence));
            line(format!("DTSTART:{}", utc_time(event.starts_at)));
            line(format!("DTEND:{}", utc_time(event.ends_at)));
            line(format!("STATUS:{}", event.status.code()));
            line(format!("SUMMARY:{}", escape_text(&event.summary)));
            line(format!("LOCATION:{}", escape_text(&event.location)));
            if let Some((lon, lat)) = event.lon_lat {
                line(format!("GEO:{lat:.6};{lon:.6}"));
            }
            if !event.description.is_empty() {
                line(format!("DESCRIPTION:{}", escape_text(&event.description)));
            }
            line("END:VEVENT".into());
        }
        line("END:VCALENDAR".into());
        out
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn text_escapes_the_four_special_characters() {
        assert_eq!(escape_text("plain 文本"), "plain 文本");
        assert_eq!(escape_text("a\\b"), "a\\\\b");
        assert_eq!(escape_text("x;y,z"), "x\\;y\\,z");
        assert_eq!(escape_text("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
        assert_eq!(escape_text("bell\u{7}tab\tend"), "belltabend");
        assert_eq!(escape_text(":colon\"quote"), ":colon\"quote", "only TEXT's specials are escaped");
    }

    #[test]
    fn short_lines_are_left_whole() {
        assert_eq!(fold("BEGIN:VEVENT"), "BEGIN:VEVENT\r\n");
        let exact = "x".repeat(MAX_LINE_OCTETS);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        let line = "y".repeat(200);
        let folded = fold(&line);
        let parts: Vec<&str> = folded.strip_suffix("\r\n").expect("ends in CRLF").split("\r\n").collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].len(), 75);
        assert_eq!(parts[1].len(), 75);
        assert!(parts[1].starts_with(' ') && parts[2].starts_with(' '));
        let unfolded: String =
            parts.iter().enumerate().map(|(i, part)| if i == 0 { *part } else { &part[1..] }).collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // 3-octet characters: 25 fit the first line exactly, 24 (plus the space) each next one.
        let line = format!("SUMMARY:{}", "傣".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|part| !part.is_empty()) {
            assert!(part.len() <= MAX_LINE_OCTETS, "{} octets: {part}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
        // "SUMMARY:" is 8 octets; 22 characters make 74, a 23rd would make 77.
        assert_eq!(folded.split("\r\n").next().map(str::len), Some(8 + 22 * 3));
        // A 4-octet character at the boundary moves whole to the next line.
        let emoji = format!("{}😀", "z".repeat(73));
        assert_eq!(fold(&emoji), format!("{}\r\n 😀\r\n", "z".repeat(73)));
    }

    #[test]
    fn a_calendar_has_crlf_lines_and_utc_times() {
        let at = |hour| Utc.with_ymd_and_hms(2027, 1, 10, hour, 0, 0).single().expect("time");
        let calendar = Calendar {
            product: "-//banna-border//outreach//EN".into(),
            name: "Team, one".into(),
            events: vec![Event {
                uid: "session-7@banna-border".into(),
                sequence: 1,
                starts_at: at(1),
                ends_at: at(3),
                status: EventStatus::Cancelled,
                summary: "Law; talk".into(),
                location: "Manzhang".into(),
                description: String::new(),
                lon_lat: Some((100.5, 21.25)),
            }],
        };
        let text = calendar.write(at(0));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
        for expected in [
            "NAME:Team\\, one\r\n",
            "DTSTAMP:20270110T000000Z\r\n",
            "DTSTART:20270110T010000Z\r\n",
            "DTEND:20270110T030000Z\r\n",
            "STATUS:CANCELLED\r\n",
            "SUMMARY:Law\\; talk\r\n",
            "GEO:21.250000;100.500000\r\n",
            "SEQUENCE:1\r\n",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
        assert!(!text.contains("DESCRIPTION"), "an empty description is left out");
    }
}
