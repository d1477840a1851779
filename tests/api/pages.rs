//! The record pages on the demo data: every list's total and rows against counts made here
//! from the database with the same filter; a village's indicators as stored; a post's
//! villages exactly those of its sector; a linkage's visits per month; bad filters answered
//! with a localized 400 page; records outside a county official's jurisdiction are 404s and
//! roles without the action get 403.

use std::collections::{BTreeSet, HashMap};

use banna_border::domain::DomainError;
use banna_border::i18n::Localizer;
use banna_border::store::entities::{
    admin_unit, department, incident, linkage, linkage_officer, post, user, village, village_indicator,
    village_language, visit,
};
use chrono::{Datelike, NaiveDate, Utc};
use fluent_bundle::FluentValue;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use unic_langid::LanguageIdentifier;

use crate::helpers::{TestApp, backends, client_with, spawn_app_with_demo, token_for};

const SEED: u64 = 21;
const INCIDENTS: u64 = 1500;
const TZ: chrono_tz::Tz = chrono_tz::Asia::Shanghai;

/// The body of a page fetched by `client`, with its status.
async fn fetch(app: &TestApp, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let response = client.get(format!("{}{path}", app.address)).send().await.expect("request");
    let status = response.status();
    (status, response.text().await.expect("a body"))
}

/// `data-total` of a list page.
fn total(html: &str) -> u64 {
    let rest = html.split("data-total=\"").nth(1).expect("a total on the page");
    rest.split('"').next().expect("closing quote").parse().expect("a number")
}

/// The `data-id` of every table row in `html`.
fn row_ids(html: &str) -> Vec<i64> {
    html.split("<tr data-id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().expect("closing quote").parse().expect("an id"))
        .collect()
}

/// The part of `html` from the element with `id` to the end of its table.
fn table<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find("</table>").unwrap_or(rest.len())]
}

/// Every row id of a list, page after page (500 rows a page).
async fn all_ids(app: &TestApp, client: &reqwest::Client, path: &str) -> (u64, Vec<i64>) {
    let separator = if path.contains('?') { '&' } else { '?' };
    let mut ids = Vec::new();
    let mut matched = None;
    loop {
        let (status, html) = fetch(app, client, &format!("{path}{separator}limit=500&offset={}", ids.len())).await;
        assert_eq!(status, StatusCode::OK, "{path}: {html}");
        let page_total = total(&html);
        assert_eq!(*matched.get_or_insert(page_total), page_total, "{path}: the total is the same on every page");
        let page = row_ids(&html);
        let expected_rows = page_total.saturating_sub(ids.len() as u64).min(500);
        assert_eq!(page.len() as u64, expected_rows, "{path}: rows on the page at offset {}", ids.len());
        if page.is_empty() {
            return (page_total, ids);
        }
        ids.extend(page);
        if ids.len() as u64 >= page_total {
            return (page_total, ids);
        }
    }
}

/// Asserts that the list at `path` holds exactly `expected` ids (in any order).
async fn assert_list(app: &TestApp, client: &reqwest::Client, path: &str, expected: &[i64]) {
    let (matched, ids) = all_ids(app, client, path).await;
    assert_eq!(matched, expected.len() as u64, "{}: total of {path}", app.backend);
    let listed: BTreeSet<i64> = ids.iter().copied().collect();
    assert_eq!(listed.len(), ids.len(), "{path}: no row twice");
    assert_eq!(listed, expected.iter().copied().collect::<BTreeSet<_>>(), "{}: rows of {path}", app.backend);
}

/// The ids of a county's admin units: the county and everything below it, walked here from
/// the parent links.
async fn county_units(db: &DatabaseConnection, code: &str) -> BTreeSet<i32> {
    let units = admin_unit::Entity::find().all(db).await.expect("units");
    let county = units.iter().find(|unit| unit.code == code).expect("the county").id;
    let parents: HashMap<i32, Option<i32>> = units.iter().map(|unit| (unit.id, unit.parent_id)).collect();
    units
        .iter()
        .filter(|unit| {
            let mut current = Some(unit.id);
            while let Some(id) = current {
                if id == county {
                    return true;
                }
                current = parents.get(&id).copied().flatten();
            }
            false
        })
        .map(|unit| unit.id)
        .collect()
}

fn today() -> NaiveDate {
    Utc::now().with_timezone(&TZ).date_naive()
}

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse().expect("a tag")
}

/// `text` with the entities askama writes turned back into characters.
fn unescape(text: &str) -> String {
    text.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn every_list_counts_what_the_database_holds_under_each_filter() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let db = &app.db;
        let menghai = county_units(db, "532822").await;

        let villages = village::Entity::find().all(db).await.expect("villages");
        let ids = |keep: &dyn Fn(&village::Model) -> bool| -> Vec<i64> {
            villages.iter().filter(|row| keep(row)).map(|row| i64::from(row.id)).collect()
        };
        assert_list(&app, &app.client, "/villages", &ids(&|_| true)).await;
        let key = ids(&|row| row.is_key);
        assert!(!key.is_empty() && key.len() < villages.len(), "the demo has some key villages");
        assert_list(&app, &app.client, "/villages?key=1", &key).await;
        assert_list(&app, &app.client, "/villages?county=532822", &ids(&|row| menghai.contains(&row.admin_unit_id)))
            .await;
        let named = |row: &village::Model, text: &str| {
            [Some(&row.name_zh), row.name_en.as_ref(), row.name_local.as_ref(), Some(&row.code)]
                .into_iter()
                .flatten()
                .any(|name| name.to_lowercase().contains(text))
        };
        let dai = ids(&|row| named(row, "曼"));
        assert!(!dai.is_empty(), "Dai village names start with 曼");
        assert_list(&app, &app.client, "/villages?name=%E6%9B%BC", &dai).await;
        assert_list(&app, &app.client, "/villages?name=MAN&key=on", &ids(&|row| row.is_key && named(row, "man"))).await;
        assert_list(&app, &app.client, "/villages?name=%25", &ids(&|row| named(row, "%"))).await;

        let posts: Vec<i64> =
            post::Entity::find().all(db).await.expect("posts").iter().map(|row| i64::from(row.id)).collect();
        assert_list(&app, &app.client, "/posts", &posts).await;
        let departments: Vec<i64> = department::Entity::find()
            .all(db)
            .await
            .expect("departments")
            .iter()
            .map(|row| i64::from(row.id))
            .collect();
        assert_list(&app, &app.client, "/departments", &departments).await;

        let linkages = linkage::Entity::find().all(db).await.expect("linkages");
        let village_unit: HashMap<i32, i32> = villages.iter().map(|row| (row.id, row.admin_unit_id)).collect();
        let linkage_ids = |keep: &dyn Fn(&linkage::Model) -> bool| -> Vec<i64> {
            linkages.iter().filter(|row| keep(row)).map(|row| i64::from(row.id)).collect()
        };
        assert_list(&app, &app.client, "/linkages", &linkage_ids(&|_| true)).await;
        let running = |row: &linkage::Model| row.starts_on <= today() && row.ends_on.is_none_or(|end| end >= today());
        assert_list(&app, &app.client, "/linkages?active=1", &linkage_ids(&running)).await;
        let in_menghai = |row: &linkage::Model| menghai.contains(&village_unit[&row.village_id]);
        assert_list(&app, &app.client, "/linkages?county=532822", &linkage_ids(&in_menghai)).await;
        let some_department = linkages[linkages.len() / 2].department_id;
        assert_list(
            &app,
            &app.client,
            &format!("/linkages?department={some_department}&county="),
            &linkage_ids(&|row| row.department_id == some_department),
        )
        .await;

        let incidents: Vec<incident::Model> =
            incident::Entity::find().filter(incident::Column::DeletedAt.is_null()).all(db).await.expect("incidents");
        let incident_ids = |keep: &dyn Fn(&incident::Model) -> bool| -> Vec<i64> {
            incidents.iter().filter(|row| keep(row)).map(|row| row.id).collect()
        };
        let local_day = |row: &incident::Model| row.occurred_at.with_timezone(&TZ).date_naive();
        let (_, listed) = all_ids(&app, &app.client, "/incidents").await;
        assert_eq!(listed.len(), incidents.len(), "{}: every live incident", app.backend);
        let in_2024 = incident_ids(&|row| local_day(row).year() == 2024);
        let in_2023 = incident_ids(&|row| local_day(row).year() == 2023);
        assert!(!in_2024.is_empty() && in_2024.len() != in_2023.len(), "the years differ");
        let (matched, _) = all_ids(&app, &app.client, "/incidents?year=2024").await;
        assert_eq!(matched, in_2024.len() as u64, "{}: incidents of 2024", app.backend);
        let (matched, _) = all_ids(&app, &app.client, "/incidents?year=2023").await;
        assert_eq!(matched, in_2023.len() as u64, "{}: incidents of 2023", app.backend);
        let smuggling = incident_ids(&|row| row.category == "smuggling");
        assert!(!smuggling.is_empty() && smuggling.len() < incidents.len());
        assert_list(&app, &app.client, "/incidents?category=smuggling", &smuggling).await;
        assert_list(
            &app,
            &app.client,
            "/incidents?year=2024&category=drug_trafficking&section=MM",
            &incident_ids(&|row| {
                local_day(row).year() == 2024
                    && row.category == "drug_trafficking"
                    && row.section.as_deref() == Some("MM")
            }),
        )
        .await;
        let (first, last) =
            (NaiveDate::from_ymd_opt(2023, 11, 15).expect("day"), NaiveDate::from_ymd_opt(2024, 2, 10).expect("day"));
        assert_list(
            &app,
            &app.client,
            "/incidents?from=2023-11-15&to=2024-02-10&county=532822",
            &incident_ids(&|row| {
                (first..=last).contains(&local_day(row))
                    && row.admin_unit_id.is_some_and(|unit| menghai.contains(&unit))
            }),
        )
        .await;
        assert_list(
            &app,
            &app.client,
            "/incidents?min_km=100&max_km=250.5&section=",
            &incident_ids(&|row| row.border_km.is_some_and(|km| (100.0..=250.5).contains(&km))),
        )
        .await;

        // A county official's lists hold only the county's records.
        let official = client_with(&token_for(db, "official.menghai", "official", "532822").await);
        assert_list(&app, &official, "/villages", &ids(&|row| menghai.contains(&row.admin_unit_id))).await;
        assert_list(&app, &official, "/villages?county=532823", &[]).await;
        assert_list(&app, &official, "/linkages", &linkage_ids(&in_menghai)).await;
        let linked_here: BTreeSet<i32> =
            linkages.iter().filter(|row| in_menghai(row)).map(|row| row.department_id).collect();
        let seen: Vec<i64> = department::Entity::find()
            .all(db)
            .await
            .expect("departments")
            .iter()
            .filter(|row| menghai.contains(&row.admin_unit_id) || linked_here.contains(&row.id))
            .map(|row| i64::from(row.id))
            .collect();
        assert!(seen.len() < departments.len(), "some departments are elsewhere");
        assert_list(&app, &official, "/departments", &seen).await;

        // Paging links keep the filter.
        let (_, html) = fetch(&app, &app.client, "/incidents?category=smuggling&limit=10").await;
        assert_eq!(row_ids(&html).len(), 10.min(smuggling.len()));
        assert!(unescape(&html).contains("href=\"/incidents?category=smuggling&offset=10&limit=10\""), "{html}");
    }
}

#[tokio::test]
async fn a_village_page_shows_what_is_stored_and_links_to_its_records() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let db = &app.db;
        let indicators = village_indicator::Entity::find().all(db).await.expect("indicators");
        let linkages = linkage::Entity::find().all(db).await.expect("linkages");
        // A key village with indicators and a linkage.
        let village = village::Entity::find()
            .filter(village::Column::IsKey.eq(true))
            .all(db)
            .await
            .expect("villages")
            .into_iter()
            .find(|row| {
                indicators.iter().any(|i| i.village_id == row.id) && linkages.iter().any(|l| l.village_id == row.id)
            })
            .expect("a key village with indicators and a linkage");
        let (status, html) = fetch(&app, &app.client, &format!("/villages/{}?lang=en", village.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("<title>{}</title>", village.name_en.as_deref().unwrap_or(&village.name_zh))));

        let shown = table(&html, "indicators");
        let stored: Vec<&village_indicator::Model> = indicators.iter().filter(|i| i.village_id == village.id).collect();
        assert_eq!(shown.matches("<tr data-year=").count(), stored.len(), "one row per stored year");
        for year in stored {
            let row = shown.split(&format!("<tr data-year=\"{}\">", year.year)).nth(1).expect("the year's row");
            let row = &row[..row.find("</tr>").expect("end of row")];
            let values: Vec<&str> =
                row.split("data-value=\"").skip(1).map(|rest| rest.split('"').next().expect("quote")).collect();
            let expected = [
                year.collective_income_cny.map(|v| v.to_string()),
                year.per_capita_income_cny.map(|v| v.to_string()),
                year.villagers_in_cross_border_crime.map(|v| v.to_string()),
            ];
            assert_eq!(values.len(), 3);
            for (value, expected) in values.iter().zip(&expected) {
                assert_eq!(*value, expected.as_deref().unwrap_or(""), "{} {}", year.year, row);
            }
            if let Some(income) = year.collective_income_cny {
                let digits = income.to_string();
                let grouped: String = digits
                    .chars()
                    .enumerate()
                    .flat_map(|(i, c)| {
                        let comma = i > 0 && (digits.len() - i) % 3 == 0;
                        comma.then_some(',').into_iter().chain(std::iter::once(c))
                    })
                    .collect();
                assert!(row.contains(&format!(">{grouped}<")), "income written with separators: {row}");
            }
        }

        // Languages in stored order, primary first.
        let spoken: Vec<String> = village_language::Entity::find()
            .filter(village_language::Column::VillageId.eq(village.id))
            .all(db)
            .await
            .expect("languages")
            .into_iter()
            .map(|row| (row.position, row.language))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_values()
            .collect();
        let listed = html.split("id=\"languages\">").nth(1).expect("languages").split("</ol>").next().expect("end");
        let en = lang("en");
        let names: Vec<String> = spoken
            .iter()
            .map(|tag| Localizer::global().text(&en, &format!("page-record-language-{}", tag.to_lowercase())))
            .collect();
        let items: Vec<&str> =
            listed.split("<li>").skip(1).map(|item| item.split("</li>").next().expect("item")).collect();
        assert_eq!(items, names.iter().map(String::as_str).collect::<Vec<_>>());

        // Links: the map, its running linkages with their department and post, covering posts.
        assert!(html.contains(&format!("href=\"/map?focus=village:{}\"", village.id)));
        for linked in linkages.iter().filter(|l| l.village_id == village.id) {
            assert!(html.contains(&format!("href=\"/linkages/{}\"", linked.id)), "linkage {}", linked.id);
            assert!(html.contains(&format!("href=\"/departments/{}\"", linked.department_id)));
            assert!(html.contains(&format!("href=\"/posts/{}\"", linked.post_id)));
        }
        let km = village.border_km.expect("located");
        let covering: BTreeSet<i64> = post::Entity::find()
            .all(db)
            .await
            .expect("posts")
            .iter()
            .filter(|p| p.sector_start_km <= km && km <= p.sector_end_km)
            .map(|p| i64::from(p.id))
            .collect();
        assert!(!covering.is_empty(), "the demo's sectors tile the border");
        let listed_posts: BTreeSet<i64> = html
            .split("id=\"posts\">")
            .nth(1)
            .expect("posts")
            .split("</ul>")
            .next()
            .expect("end")
            .split("<li data-id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().expect("quote").parse().expect("id"))
            .collect();
        assert_eq!(listed_posts, covering);

        // The department page lists the linkage back, with its officers.
        let first = linkages.iter().find(|l| l.village_id == village.id).expect("a linkage");
        let (status, page) = fetch(&app, &app.client, &format!("/departments/{}", first.department_id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(&format!("href=\"/linkages/{}\"", first.id)));
        assert!(page.contains(&format!("href=\"/villages/{}\"", village.id)));
        let staff = user::Entity::find()
            .filter(user::Column::DepartmentId.eq(first.department_id))
            .all(db)
            .await
            .expect("users");
        assert!(!staff.is_empty());
        for officer in staff {
            assert!(page.contains(&officer.display_name), "{}", officer.display_name);
        }
    }
}

#[tokio::test]
async fn a_post_page_lists_exactly_the_villages_of_its_sector_and_a_linkage_its_visits() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let db = &app.db;
        let villages = village::Entity::find().all(db).await.expect("villages");
        let mut nonempty = 0;
        for post in post::Entity::find().all(db).await.expect("posts") {
            let (status, html) = fetch(&app, &app.client, &format!("/posts/{}", post.id)).await;
            assert_eq!(status, StatusCode::OK);
            let expected: BTreeSet<i64> = villages
                .iter()
                .filter(|v| v.border_km.is_some_and(|km| post.sector_start_km <= km && km <= post.sector_end_km))
                .map(|v| i64::from(v.id))
                .collect();
            let listed: BTreeSet<i64> = if expected.is_empty() {
                BTreeSet::new()
            } else {
                row_ids(table(&html, "villages")).into_iter().collect()
            };
            assert_eq!(
                listed, expected,
                "{}: post {} [{}, {}]",
                app.backend, post.code, post.sector_start_km, post.sector_end_km
            );
            nonempty += usize::from(!expected.is_empty());
            assert!(html.contains(&format!("href=\"/map?focus=post:{}\"", post.id)));
        }
        assert!(nonempty > 5, "most sectors hold villages");

        // A linkage's visits per month of 2024 against its rule (one visit a month to each).
        let linkage = linkage::Entity::find().all(db).await.expect("linkages").into_iter().next().expect("a linkage");
        let visits =
            visit::Entity::find().filter(visit::Column::LinkageId.eq(linkage.id)).all(db).await.expect("visits");
        assert!(!visits.is_empty());
        let (status, html) = fetch(&app, &app.client, &format!("/linkages/{}?year=2024", linkage.id)).await;
        assert_eq!(status, StatusCode::OK);
        for month in 1..=12_u32 {
            let count = |target: &str| {
                visits
                    .iter()
                    .filter(|v| v.target == target)
                    .map(|v| v.visited_at.with_timezone(&TZ).date_naive())
                    .filter(|day| day.year() == 2024 && day.month() == month)
                    .count()
            };
            let first = NaiveDate::from_ymd_opt(2024, month, 1).expect("first day");
            let last = NaiveDate::from_ymd_opt(2024 + i32::from(month == 12), month % 12 + 1, 1)
                .expect("next")
                .pred_opt()
                .expect("last");
            let due = linkage.starts_on <= first && linkage.ends_on.is_none_or(|end| end >= last) && last < today();
            let required = |per_month: i32| if due { per_month.to_string() } else { "—".to_owned() };
            let row = html.split(&format!("<tr data-month=\"{month}\"")).nth(1).expect("the month's row");
            let row = &row[..row.find("</tr>").expect("end")];
            assert!(
                row.contains(&format!(
                    "<td class=\"village\">{} / {}</td>",
                    count("village"),
                    required(linkage.village_visits_per_month)
                )),
                "month {month}: {row}"
            );
            assert!(
                row.contains(&format!(
                    "<td class=\"post\">{} / {}</td>",
                    count("post"),
                    required(linkage.post_visits_per_month)
                )),
                "month {month}: {row}"
            );
            let met = count("village") >= linkage.village_visits_per_month as usize
                && count("post") >= linkage.post_visits_per_month as usize;
            let state = if !due {
                "not-due"
            } else if met {
                "met"
            } else {
                "short"
            };
            assert!(row.contains(&format!("data-state=\"{state}\"")), "month {month}: {row}");
        }
        let officers = linkage_officer::Entity::find()
            .filter(linkage_officer::Column::LinkageId.eq(linkage.id))
            .all(db)
            .await
            .expect("officers");
        for officer in officers {
            let person = user::Entity::find_by_id(officer.user_id).one(db).await.expect("read").expect("user");
            assert!(html.contains(&person.display_name));
        }
        for target in [
            format!("/departments/{}", linkage.department_id),
            format!("/villages/{}", linkage.village_id),
            format!("/posts/{}", linkage.post_id),
        ] {
            assert!(html.contains(&format!("href=\"{target}\"")), "{target}");
        }
    }
}

#[tokio::test]
async fn bad_filters_are_explained_in_the_page_language_with_a_400() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, 300).await;
        let cases: Vec<(&str, DomainError)> = vec![
            ("/incidents?from=2024-13-01", DomainError::InvalidDate { name: "from", value: "2024-13-01".into() }),
            ("/incidents?to=yesterday", DomainError::InvalidDate { name: "to", value: "yesterday".into() }),
            ("/incidents?category=piracy", DomainError::UnknownCategory { value: "piracy".into() }),
            ("/incidents?section=VN", DomainError::UnknownSection { value: "VN".into() }),
            ("/incidents?min_km=-3", DomainError::InvalidKm { name: "min_km", value: "-3".into() }),
            (
                "/incidents?min_km=300&max_km=20",
                DomainError::ReversedRange { name: "km", min: "300".into(), max: "20".into() },
            ),
            (
                "/incidents?from=2024-05-02&to=2024-05-01",
                DomainError::ReversedRange { name: "dates", min: "2024-05-02".into(), max: "2024-05-01".into() },
            ),
            ("/incidents?county=999999", DomainError::UnknownJurisdiction { value: "999999".into() }),
            ("/villages?key=maybe", DomainError::InvalidFlag { name: "key", value: "maybe".into() }),
            ("/linkages?department=abc", DomainError::InvalidId { value: "abc".into() }),
            ("/villages/abc", DomainError::InvalidId { value: "abc".into() }),
            ("/posts?limit=0", DomainError::InvalidLimit { value: "0".into(), max: 500 }),
        ];
        for year in ["20x4", "1800"] {
            let error = banna_border::domain::period::parse_year(year).expect_err("not a report year");
            let path = format!("/incidents?year={year}");
            check_bad_filter(&app, &path, &error).await;
            check_bad_filter(&app, &format!("/linkages/1?year={year}"), &error).await;
        }
        for (path, error) in cases {
            check_bad_filter(&app, path, &error).await;
        }
    }
}

async fn check_bad_filter(app: &TestApp, path: &str, error: &DomainError) {
    let args: Vec<(&str, FluentValue<'_>)> =
        error.args().into_iter().map(|(name, value)| (name, FluentValue::from(value))).collect();
    let mut texts = Vec::new();
    for tag in ["zh-CN", "en"] {
        let separator = if path.contains('?') { '&' } else { '?' };
        let (status, html) = fetch(app, &app.client, &format!("{path}{separator}lang={tag}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{}: {path} in {tag}", app.backend);
        let expected = Localizer::global().format(&lang(tag), error.message_id(), &args);
        assert!(!expected.starts_with("page-") && !expected.starts_with("problem-"), "{expected}");
        assert!(unescape(&html).contains(&expected), "{path} in {tag}: expected {expected:?} in {html}");
        assert!(html.contains(&format!("<html lang=\"{tag}\">")));
        texts.push(expected);
    }
    assert_ne!(texts[0], texts[1], "{path}: the message is translated");
}

#[tokio::test]
async fn records_outside_the_jurisdiction_are_404_and_roles_without_the_action_403() {
    for backend in backends() {
        let app = spawn_app_with_demo(&backend, SEED, INCIDENTS).await;
        let db = &app.db;
        let (menghai, mengla) = (county_units(db, "532822").await, county_units(db, "532823").await);
        let official = client_with(&token_for(db, "official.menghai", "official", "532822").await);

        let villages = village::Entity::find().all(db).await.expect("villages");
        let home = villages.iter().find(|v| menghai.contains(&v.admin_unit_id)).expect("a Menghai village");
        let away = villages.iter().find(|v| mengla.contains(&v.admin_unit_id)).expect("a Mengla village");
        let posts = post::Entity::find().all(db).await.expect("posts");
        let away_post = posts.iter().find(|p| mengla.contains(&p.admin_unit_id)).expect("a Mengla post");
        let home_post = posts.iter().find(|p| menghai.contains(&p.admin_unit_id)).expect("a Menghai post");
        let linkages = linkage::Entity::find().all(db).await.expect("linkages");
        let unit_of: HashMap<i32, i32> = villages.iter().map(|v| (v.id, v.admin_unit_id)).collect();
        let away_linkage =
            linkages.iter().find(|l| mengla.contains(&unit_of[&l.village_id])).expect("a Mengla linkage");
        let home_linkage = linkages.iter().find(|l| menghai.contains(&unit_of[&l.village_id])).expect("a Menghai one");
        let linked_in_menghai: BTreeSet<i32> =
            linkages.iter().filter(|l| menghai.contains(&unit_of[&l.village_id])).map(|l| l.department_id).collect();
        let departments = department::Entity::find().all(db).await.expect("departments");
        let away_department = departments
            .iter()
            .find(|d| mengla.contains(&d.admin_unit_id) && !linked_in_menghai.contains(&d.id))
            .expect("a Mengla department without Menghai linkages");
        let incidents = incident::Entity::find().all(db).await.expect("incidents");
        let away_incident =
            incidents.iter().find(|i| i.admin_unit_id.is_some_and(|u| mengla.contains(&u))).expect("a Mengla one");
        let home_incident =
            incidents.iter().find(|i| i.admin_unit_id.is_some_and(|u| menghai.contains(&u))).expect("a Menghai one");

        for (path, expected) in [
            (format!("/villages/{}", away.id), StatusCode::NOT_FOUND),
            (format!("/villages/{}", home.id), StatusCode::OK),
            (format!("/posts/{}", away_post.id), StatusCode::NOT_FOUND),
            (format!("/posts/{}", home_post.id), StatusCode::OK),
            (format!("/linkages/{}", away_linkage.id), StatusCode::NOT_FOUND),
            (format!("/linkages/{}", home_linkage.id), StatusCode::OK),
            (format!("/departments/{}", away_department.id), StatusCode::NOT_FOUND),
            (format!("/departments/{}", home_linkage.department_id), StatusCode::OK),
            (format!("/incidents/{}", away_incident.id), StatusCode::NOT_FOUND),
            (format!("/incidents/{}", home_incident.id), StatusCode::OK),
            ("/villages/999999999".to_owned(), StatusCode::NOT_FOUND),
        ] {
            let (status, html) = fetch(&app, &official, &format!("{path}?lang=en")).await;
            assert_eq!(status, expected, "{}: {path} for a Menghai official", app.backend);
            if expected == StatusCode::NOT_FOUND {
                let id = path.rsplit('/').next().expect("id");
                assert!(html.contains(&format!("with id {id}")), "{path}: {html}");
                assert!(html.contains("outside your jurisdiction"), "{path}");
            }
        }
        let (_, html) = fetch(&app, &app.client, &format!("/villages/{}", away.id)).await;
        assert!(html.contains(&away.name_zh), "the prefecture admin sees it");

        // A department seen from a county shows only the county's linkages.
        let prefecture_department =
            linkages.iter().filter(|l| menghai.contains(&unit_of[&l.village_id])).map(|l| l.department_id).find(|id| {
                linkages.iter().any(|l| l.department_id == *id && !menghai.contains(&unit_of[&l.village_id]))
            });
        if let Some(id) = prefecture_department {
            let (status, html) = fetch(&app, &official, &format!("/departments/{id}")).await;
            assert_eq!(status, StatusCode::OK);
            for linked in linkages.iter().filter(|l| l.department_id == id) {
                let shown = html.contains(&format!("href=\"/linkages/{}\"", linked.id));
                assert_eq!(shown, menghai.contains(&unit_of[&linked.village_id]), "linkage {}", linked.id);
            }
        }

        // Roles without the action: 403 pages; the public is sent to sign in.
        let outreach = client_with(&token_for(db, "outreach.member", "outreach_member", "532800").await);
        let post_staff = client_with(&token_for(db, "post.staff", "post_staff", "532800").await);
        for (client, path) in [
            (&outreach, "/incidents".to_owned()),
            (&outreach, format!("/incidents/{}", home_incident.id)),
            (&outreach, "/linkages".to_owned()),
            (&post_staff, format!("/linkages/{}", home_linkage.id)),
            (&post_staff, "/incidents?category=piracy".to_owned()),
        ] {
            let (status, html) =
                fetch(&app, client, &format!("{path}{}lang=en", if path.contains('?') { '&' } else { '?' })).await;
            let expected = if path.contains("piracy") { StatusCode::BAD_REQUEST } else { StatusCode::FORBIDDEN };
            assert_eq!(status, expected, "{path}");
            if expected == StatusCode::FORBIDDEN {
                assert!(html.contains(&Localizer::global().text(&lang("en"), "problem-forbidden-detail")), "{html}");
            }
        }
        // A role that may read villages but not linkages sees no linkage section.
        let (status, html) = fetch(&app, &outreach, &format!("/villages/{}", home.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("href=\"/linkages/"), "no links to pages it may not open");
        assert!(!html.contains("href=\"/incidents\""), "the navigation leaves out what the role may not read");

        let no_redirect =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let response = no_redirect.get(format!("{}/villages?key=1", app.address)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default();
        assert!(location.starts_with("/login?next=/villages"), "{location}");
    }
}
