//! The legal-outreach pages against the API, on both backends and the demo data: `/outreach`
//! shows the shares, tallies and uncovered key villages `GET /api/v1/outreach/coverage` gives
//! for the same period; `/outreach/sessions` lists the rows `GET /api/v1/outreach/sessions`
//! lists for the same filter; a team's page lists the members of `GET /api/v1/outreach/teams`
//! and the villages of `GET /api/v1/outreach/suggestions` in their order, with their reasons,
//! and its planned sessions from today. A county coordinator meets another county's team as
//! not found; bad dates, statuses and ids answer a localized 400 page.

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, EntityTrait};
use serde_json::{Value, json};

use banna_border::store::entities::{outreach_session, village};

use crate::fixtures::unit_id;
use crate::helpers::{TestApp, backends, client_with, spawn_app_with_demo, token_for};

const MENGHAI: &str = "532822";

async fn html(client: &reqwest::Client, url: String) -> (StatusCode, String) {
    let response = client.get(url).send().await.expect("get");
    (response.status(), response.text().await.expect("html"))
}

async fn json_of(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(url).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

/// Text as askama escapes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

/// The value of attribute `name` in the start tag that `tag` begins.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start_tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let rest = start_tag.split(&format!(" {name}=\"")).nth(1)?;
    rest.split('"').next()
}

/// The element of `page` from `marker` to the end of the element `end` after it.
fn element<'a>(page: &'a str, marker: &str, end: &str) -> Option<&'a str> {
    let start = page.find(marker)?;
    let rest = &page[start..];
    Some(&rest[..rest.find(end).map_or(rest.len(), |at| at + end.len())])
}

/// The rows (`<tr …>…</tr>`) of a table body, each from its `<tr` on.
fn body_rows(table: &str) -> Vec<&str> {
    let body = table.split("<tbody>").nth(1).unwrap_or_default();
    body.split("<tr").skip(1).map(|row| &row[..row.find("</tr>").unwrap_or(row.len())]).collect()
}

/// A `sharePercent` and a tally as the page writes them: (covered, total, share or empty).
fn api_tally(tally: &Value) -> (String, String, Option<f64>) {
    (tally["covered"].to_string(), tally["total"].to_string(), tally["sharePercent"].as_f64())
}

/// The counts and share cells of a row; `kind` picks the key or all villages' cells (None for
/// the totals, which have one of each).
fn page_tally(row: &str, kind: Option<&str>) -> (String, String, Option<f64>) {
    let cell = |class: &str| {
        row.split("<td")
            .skip(1)
            .find(|cell| {
                attribute(cell, "class").is_some_and(|value| value.split(' ').any(|name| name == class))
                    && kind.is_none_or(|kind| attribute(cell, "data-kind") == Some(kind))
            })
            .unwrap_or_else(|| panic!("a {class} cell in {row}"))
    };
    let counts = cell("counts");
    let share = attribute(cell("share"), "data-value").expect("data-value");
    (
        attribute(counts, "data-covered").expect("covered").to_owned(),
        attribute(counts, "data-total").expect("total").to_owned(),
        (!share.is_empty()).then(|| share.parse().expect("a number")),
    )
}

#[tokio::test]
async fn the_coverage_page_shows_the_apis_shares_and_uncovered_key_villages() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 300).await;
        let coordinator = client_with(&token_for(&app.db, "pages.menghai", "outreach_coordinator", MENGHAI).await);
        let mut some_uncovered = false;
        let mut some_share = false;
        for (who, client) in [("admin", &app.client), ("menghai", &coordinator)] {
            for query in
                ["from=2024-01-01&to=2024-12-31", "from=2023-03-01&to=2023-08-31", "", "from=2031-01-01&to=2031-01-31"]
            {
                let api = json_of(client, format!("{}/api/v1/outreach/coverage?{query}&lang=en", app.address)).await;
                let (status, page) = html(client, format!("{}/outreach?{query}&lang=en", app.address)).await;
                assert_eq!(status, StatusCode::OK, "{who} {query}");
                let context = format!("{}: {who} ?{query}", app.backend);

                let period = element(&page, "<p id=\"period\"", "</p>").expect("the period");
                assert_eq!(attribute(period, "data-from"), api["from"].as_str(), "{context}");
                assert_eq!(attribute(period, "data-to"), api["to"].as_str(), "{context}");
                assert_eq!(attribute(period, "data-sessions"), Some(api["sessions"].to_string().as_str()), "{context}");
                assert_eq!(page.contains("id=\"no-data\""), !api["hasData"].as_bool().expect("hasData"), "{context}");

                for (id, key) in [("key-villages", "keyVillages"), ("all-villages", "allVillages")] {
                    let row = element(&page, &format!("<tr id=\"{id}\""), "</tr>").expect("a totals row");
                    assert_eq!(page_tally(row, None), api_tally(&api[key]), "{context}: {id}");
                    some_share |= api[key]["sharePercent"].is_number();
                }

                for (table, list, key_of) in [
                    (
                        "by-language",
                        "byLanguage",
                        &(|group: &Value| group["language"]["code"].as_str().unwrap_or_default().to_owned())
                            as &dyn Fn(&Value) -> String,
                    ),
                    ("by-county", "byCounty", &|group: &Value| {
                        group["county"]["code"].as_str().unwrap_or_default().to_owned()
                    }),
                ] {
                    let table = element(&page, &format!("id=\"{table}\""), "</table>").expect("a table");
                    let rows = body_rows(table);
                    let groups = api[list].as_array().expect("groups");
                    assert_eq!(rows.len(), groups.len(), "{context}: {table}");
                    for (row, group) in rows.iter().zip(groups) {
                        assert_eq!(attribute(row, "data-key"), Some(key_of(group).as_str()), "{context}: {table}");
                        assert_eq!(page_tally(row, Some("key")), api_tally(&group["keyVillages"]), "{context}: {row}");
                        assert_eq!(page_tally(row, Some("all")), api_tally(&group["allVillages"]), "{context}: {row}");
                    }
                    if who == "menghai" && table == "by-county" {
                        assert!(rows.iter().all(|row| attribute(row, "data-key") == Some(MENGHAI)), "{context}");
                    }
                }

                let expected: Vec<String> = api["uncoveredKeyVillages"]
                    .as_array()
                    .expect("uncovered")
                    .iter()
                    .map(|village| village["id"].to_string())
                    .collect();
                let shown: Vec<String> = element(&page, "id=\"uncovered\"", "</table>")
                    .map(|table| {
                        body_rows(table).iter().map(|row| attribute(row, "data-id").expect("id").to_owned()).collect()
                    })
                    .unwrap_or_default();
                assert_eq!(shown, expected, "{context}");
                assert_eq!(page.contains("id=\"uncovered-none\""), expected.is_empty(), "{context}");
                for village in api["uncoveredKeyVillages"].as_array().expect("uncovered") {
                    let name = village["name"]["en"].as_str().or(village["name"]["zh"].as_str()).expect("a name");
                    let link = format!("<a href=\"/villages/{}\">{}</a>", village["id"], escaped(name));
                    assert!(page.contains(&link), "{context}: {link}");
                    if let Some(language) = village["primaryLanguage"]["name"].as_str() {
                        assert!(page.contains(&escaped(language)), "{context}: {language}");
                    }
                }
                some_uncovered |= !expected.is_empty();
            }
        }
        assert!(some_uncovered && some_share, "the demo gives something to compare");
    }
}

#[tokio::test]
async fn the_session_list_shows_the_apis_rows_for_a_filter() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 300).await;
        let teams = json_of(&app.client, format!("{}/api/v1/outreach/teams", app.address)).await;
        let team = &teams["teams"][0];
        let team_id = team["id"].as_i64().expect("id");
        let mut compared = 0;
        for query in [
            format!("team={team_id}&status=held&from=2024-01-01&to=2024-12-31"),
            format!("team={team_id}&limit=5&offset=5"),
            "status=cancelled".to_owned(),
            "from=2024-06-01&to=2024-06-30".to_owned(),
        ] {
            let query = if query.contains("limit") { query } else { format!("{query}&limit=50") };
            let api = json_of(&app.client, format!("{}/api/v1/outreach/sessions?{query}", app.address)).await;
            let (status, page) = html(&app.client, format!("{}/outreach/sessions?{query}&lang=en", app.address)).await;
            assert_eq!(status, StatusCode::OK, "{query}");
            let context = format!("{}: ?{query}", app.backend);
            let total = element(&page, "<p class=\"total\"", "</p>").expect("the total");
            assert_eq!(attribute(total, "data-total"), Some(api["numberMatched"].to_string().as_str()), "{context}");
            let sessions = api["sessions"].as_array().expect("sessions");
            let rows =
                element(&page, "<table class=\"records sessions\"", "</table>").map(body_rows).unwrap_or_default();
            assert_eq!(rows.len(), sessions.len(), "{context}");
            for (row, session) in rows.iter().zip(sessions) {
                let id = session["id"].to_string();
                assert_eq!(attribute(row, "data-id"), Some(id.as_str()), "{context}");
                assert_eq!(attribute(row, "data-starts-at"), session["starts_at"].as_str(), "{context}");
                assert_eq!(attribute(row, "data-status"), session["status"].as_str(), "{context}");
                assert_eq!(attribute(row, "data-language"), session["language"].as_str(), "{context}");
                assert_eq!(attribute(row, "data-team"), Some(session["team"]["id"].to_string().as_str()));
                let starts: DateTime<Utc> = session["starts_at"].as_str().expect("time").parse().expect("RFC 3339");
                let local = starts.with_timezone(&chrono_tz::Asia::Shanghai).format("%Y-%m-%d %H:%M").to_string();
                assert!(row.contains(&format!("<a href=\"/outreach/sessions/{id}\">{local}–")), "{context}: {row}");
                assert!(row.contains(&format!("href=\"/villages/{}\"", session["village"]["id"])), "{row}");
                assert!(row.contains(&format!("href=\"/outreach/teams/{}\"", session["team"]["id"])), "{row}");
                assert!(row.contains(&format!("href=\"/api/v1/outreach/sessions/{id}/notice?format=html\"")), "{row}");
                assert!(row.contains(&format!("href=\"/api/v1/outreach/sessions/{id}/notice?format=svg\"")), "{row}");
                for presenter in session["presenters"].as_array().expect("presenters") {
                    assert!(row.contains(&escaped(presenter["name"].as_str().expect("name"))), "{row}");
                }
                compared += 1;
            }
        }
        assert!(compared > 10, "the filters match demo sessions");
        // The paging links keep the filter.
        let (_, page) = html(&app.client, format!("{}/outreach/sessions?team={team_id}&limit=5", app.address)).await;
        assert!(
            page.contains(&format!("href=\"/outreach/sessions?team={team_id}&#38;offset=5&#38;limit=5\"")),
            "{page}"
        );
        assert!(page.contains(&format!("<option value=\"{team_id}\" selected>")), "the filter shows the team");
    }
}

/// A session of `team` in `village` starting `days` from now, inserted as it is stored.
async fn add_session(app: &TestApp, team: i32, village: i32, days: i64, status: &str) -> i32 {
    let starts_at = Utc::now() + Duration::days(days);
    outreach_session::ActiveModel {
        id: NotSet,
        team_id: Set(team),
        village_id: Set(village),
        starts_at: Set(starts_at),
        ends_at: Set(starts_at + Duration::hours(2)),
        language: Set("zh".to_owned()),
        topics: Set(json!(["border_law"])),
        status: Set(status.to_owned()),
        attendance_total: Set(None),
        attendance_women: Set(None),
        attendance_under18: Set(None),
        cancel_reason: Set((status == "cancelled").then(|| "rain".to_owned())),
        interpreter: Set(None),
        topics_covered: Set(None),
        created_at: Set(Utc::now()),
        is_demo: Set(false),
    }
    .insert(&app.db)
    .await
    .expect("insert a session")
    .id
}

#[tokio::test]
async fn a_team_page_lists_its_members_upcoming_sessions_and_the_apis_suggestions() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 300).await;
        let coordinator = client_with(&token_for(&app.db, "team.menghai", "outreach_coordinator", MENGHAI).await);
        let member = client_with(&token_for(&app.db, "team.member", "outreach_member", MENGHAI).await);
        let teams = json_of(&coordinator, format!("{}/api/v1/outreach/teams", app.address)).await;
        let teams = teams["teams"].as_array().expect("teams");
        assert!(!teams.is_empty() && teams.iter().all(|team| team["county"]["code"] == MENGHAI));

        // The list: the API's teams, in its order.
        let (status, list) = html(&coordinator, format!("{}/outreach/teams?lang=en", app.address)).await;
        assert_eq!(status, StatusCode::OK);
        let rows = body_rows(element(&list, "id=\"teams\"", "</table>").expect("the teams"));
        let ids: Vec<String> = rows.iter().map(|row| attribute(row, "data-id").expect("id").to_owned()).collect();
        let expected: Vec<String> = teams.iter().map(|team| team["id"].to_string()).collect();
        assert_eq!(ids, expected);

        let team = &teams[0];
        let team_id = team["id"].as_i64().expect("id");
        let menghai = banna_border::services::auth::jurisdiction_of(&app.db, unit_id(&app.db, MENGHAI).await)
            .await
            .expect("units");
        let villages: Vec<village::Model> = village::Entity::find()
            .all(&app.db)
            .await
            .expect("villages")
            .into_iter()
            .filter(|row| menghai.covers(Some(row.admin_unit_id)))
            .collect();
        let planned = add_session(&app, team_id as i32, villages[0].id, 7, "planned").await;
        let cancelled = add_session(&app, team_id as i32, villages[1].id, 8, "cancelled").await;

        let (status, page) = html(&coordinator, format!("{}/outreach/teams/{team_id}?lang=en", app.address)).await;
        assert_eq!(status, StatusCode::OK);
        let context = app.backend;
        assert!(
            page.contains(&format!("<title>{}</title>", escaped(team["name_en"].as_str().expect("name")))),
            "{page}"
        );

        // Members in the API's order, each language with its level.
        let rows = body_rows(element(&page, "id=\"members\"", "</table>").expect("members"));
        let members = team["members"].as_array().expect("members");
        assert_eq!(rows.len(), members.len(), "{context}");
        for (row, member) in rows.iter().zip(members) {
            assert_eq!(attribute(row, "data-member"), Some(member["id"].to_string().as_str()));
            assert!(row.contains(&escaped(member["name"].as_str().expect("name"))), "{row}");
            let spoken: Vec<(String, String)> = row
                .split("<li")
                .skip(1)
                .map(|item| {
                    (
                        attribute(item, "data-language").expect("language").to_owned(),
                        attribute(item, "data-level").expect("level").to_owned(),
                    )
                })
                .collect();
            let expected: Vec<(String, String)> = member["languages"]
                .as_array()
                .expect("languages")
                .iter()
                .map(|spoken| {
                    (
                        spoken["language"].as_str().expect("code").to_owned(),
                        spoken["level"].as_str().expect("level").to_owned(),
                    )
                })
                .collect();
            assert_eq!(spoken, expected, "{context}");
        }

        // Upcoming: the team's planned sessions from today, as the API lists them; the one
        // added is among them, the cancelled one is not.
        let today = Utc::now().with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
        let api = json_of(
            &coordinator,
            format!("{}/api/v1/outreach/sessions?team={team_id}&status=planned&from={today}&limit=20", app.address),
        )
        .await;
        let expected: Vec<String> =
            api["sessions"].as_array().expect("sessions").iter().map(|session| session["id"].to_string()).collect();
        let upcoming = element(&page, "id=\"upcoming\"", "</table>").expect("upcoming sessions");
        assert_eq!(attribute(upcoming, "data-total"), Some(api["numberMatched"].to_string().as_str()));
        let ids: Vec<String> =
            body_rows(upcoming).iter().map(|row| attribute(row, "data-id").expect("id").to_owned()).collect();
        assert_eq!(ids, expected, "{context}");
        assert!(ids.contains(&planned.to_string()) && !ids.contains(&cancelled.to_string()), "{context}");

        // Suggestions: the API's villages in its order, with the reasons in words.
        let api =
            json_of(&coordinator, format!("{}/api/v1/outreach/suggestions?team={team_id}&lang=en", app.address)).await;
        let suggested = api["villages"].as_array().expect("villages");
        assert!(!suggested.is_empty(), "{context}");
        let items: Vec<&str> = page
            .split("<ol id=\"suggestions\"")
            .nth(1)
            .expect("the suggestions")
            .split("\n<li data-id=")
            .skip(1)
            .collect();
        assert_eq!(items.len(), suggested.len(), "{context}");
        for (item, village) in items.iter().zip(suggested) {
            assert!(item.starts_with(&format!("\"{}\"", village["id"])), "{context}: {item}");
            assert!(item.contains(&format!("data-rank=\"{}\"", village["rank"])), "{item}");
            assert!(item.contains(&format!("data-score=\"{}\"", village["score"])), "{item}");
            for reason in village["reasons"].as_array().expect("reasons") {
                let text = escaped(reason["text"].as_str().expect("text"));
                assert!(
                    item.contains(&format!("<li data-reason={}>{text}</li>", reason["code"])),
                    "{item} lacks {text}"
                );
            }
        }
        let period = element(&page, "<p id=\"suggestions-period\"", "</p>").expect("period");
        assert_eq!(attribute(period, "data-from"), api["from"].as_str());
        assert_eq!(attribute(period, "data-to"), api["to"].as_str());
        assert!(page.contains(&format!("POST /api/v1/outreach/teams/{team_id}/calendar")), "how to subscribe");
        assert!(page.contains("<a href=\"/outreach\" aria-current=\"page\">"), "the section in the navigation");
        assert!(page.contains(&format!("href=\"/outreach/sessions/new?team={team_id}\"")), "a coordinator schedules");

        // A member reads the team but not the suggestions, and is offered no page it may not open.
        let (status, page) = html(&member, format!("{}/outreach/teams/{team_id}?lang=en", app.address)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("id=\"members\"") && !page.contains("id=\"suggestions"), "{page}");
        assert!(!page.contains("href=\"/outreach\""), "no link to the coverage page");
        assert!(!page.contains("/outreach/sessions/new"), "nor to the scheduling form");
        assert!(page.contains("<a href=\"/outreach/sessions\" aria-current=\"page\">"), "its section");
        let (status, _) = html(&member, format!("{}/outreach", app.address)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn another_countys_team_is_not_found_and_bad_values_are_refused() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, 9, 300).await;
        let coordinator = client_with(&token_for(&app.db, "scope.menghai", "outreach_coordinator", MENGHAI).await);
        let all = json_of(&app.client, format!("{}/api/v1/outreach/teams", app.address)).await;
        let elsewhere: Vec<i64> = all["teams"]
            .as_array()
            .expect("teams")
            .iter()
            .filter(|team| team["county"]["code"] != MENGHAI)
            .map(|team| team["id"].as_i64().expect("id"))
            .collect();
        assert!(!elsewhere.is_empty());
        let (_, list) = html(&coordinator, format!("{}/outreach/teams", app.address)).await;
        for id in &elsewhere {
            let (status, page) = html(&coordinator, format!("{}/outreach/teams/{id}?lang=en", app.address)).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{}: team {id}", app.backend);
            assert!(page.contains("<a href=\"/outreach/teams\">"), "{page}");
            assert!(!list.contains(&format!("href=\"/outreach/teams/{id}\"")), "team {id} is not listed");
            let (status, _) = html(&app.client, format!("{}/outreach/teams/{id}", app.address)).await;
            assert_eq!(status, StatusCode::OK, "the prefecture admin reads it");
            let (_, sessions) = html(&coordinator, format!("{}/outreach/sessions?team={id}", app.address)).await;
            assert!(sessions.contains("data-total=\"0\""), "no other county's sessions");
        }

        for (path, api) in [
            ("/outreach?from=2024-13-01", "/api/v1/outreach/coverage?from=2024-13-01"),
            ("/outreach?from=2024-06-01&to=2024-05-01", "/api/v1/outreach/coverage?from=2024-06-01&to=2024-05-01"),
            ("/outreach/sessions?from=yesterday", "/api/v1/outreach/sessions?from=yesterday"),
            ("/outreach/sessions?status=maybe", "/api/v1/outreach/sessions?status=maybe"),
            ("/outreach/sessions?team=x", "/api/v1/outreach/sessions?team=x"),
            ("/outreach/teams/abc", "/api/v1/outreach/sessions/abc"),
        ] {
            let separator = if path.contains('?') { '&' } else { '?' };
            let (status, page) = html(&coordinator, format!("{}{path}{separator}lang=en", app.address)).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{}: {path}", app.backend);
            let problem = coordinator
                .get(format!("{}{api}", app.address))
                .header("Accept-Language", "en")
                .send()
                .await
                .expect("get");
            assert_eq!(problem.status(), StatusCode::BAD_REQUEST, "{api}");
            let problem: Value = problem.json().await.expect("problem");
            let detail = problem["detail"].as_str().expect("detail");
            assert!(page.contains(&escaped(detail)), "{path}: {detail} in {page}");
            assert!(page.contains("<html lang=\"en\">"), "{path}");
        }
    }
}
