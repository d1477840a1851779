//! Liaison visits as the visit list page shows them: the page of `GET /api/v1/visits` (the same
//! scoping and filters, [`crate::services::visits::stored_page`]) with each visit's officer,
//! linkage and target named.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{LinkageParts, Named, Officer, PageOf, db_err, linkage_parts};
use crate::domain::auth::Action;
use crate::domain::paging::Page;
use crate::domain::visit::VisitFilter;
use crate::services::ServiceError;
use crate::services::auth::{self, Principal};
use crate::store::entities::{linkage, user};

/// A visit as listed.
#[derive(Clone, Debug)]
pub struct VisitRow {
    pub id: i64,
    pub visited_at: DateTime<Utc>,
    pub officer: Officer,
    pub linkage_id: i64,
    /// Whether the caller may open the linkage's page (its village is in their jurisdiction).
    pub linkage_visible: bool,
    pub department: Named,
    pub village: Named,
    /// `village` or `post`.
    pub target_kind: String,
    /// The linkage's village or post, whichever was visited.
    pub target: Named,
    /// Geodesic metres from the visit's position to its target.
    pub distance_to_target_m: Option<f64>,
    pub accuracy_m: f64,
    /// Flag codes (`far_from_target`, `low_accuracy`), in order.
    pub flags: Vec<String>,
}

fn named(id: i32, code: &str, name_zh: &str, name_en: Option<&str>, visible: bool) -> Named {
    Named {
        id: i64::from(id),
        code: code.to_owned(),
        name_zh: name_zh.to_owned(),
        name_en: name_en.map(str::to_owned),
        visible,
    }
}

/// `GET /visits`: the visits the caller may read that match the filter, newest first.
#[tracing::instrument(skip(db, caller))]
pub async fn visits(
    db: &DatabaseConnection,
    caller: Option<&Principal>,
    filter: &VisitFilter,
    page: Page,
    tz: chrono_tz::Tz,
) -> Result<PageOf<VisitRow>, ServiceError> {
    let principal = auth::require(caller, Action::ReadLinkages)?;
    let scope = &principal.jurisdiction;
    let found = crate::services::visits::stored_page(db, principal, filter, page, tz).await?;
    let linkage_ids: BTreeSet<i32> = found.items.iter().map(|row| row.linkage_id).collect();
    let linkages = linkage::Entity::find().filter(linkage::Column::Id.is_in(linkage_ids)).all(db).await;
    let linkages: HashMap<i32, linkage::Model> =
        linkages.map_err(db_err)?.into_iter().map(|row| (row.id, row)).collect();
    let listed: Vec<linkage::Model> = linkages.values().cloned().collect();
    let LinkageParts { villages, posts, departments } = linkage_parts(db, &listed).await?;
    let officer_ids: BTreeSet<i32> = found.items.iter().map(|row| row.officer_id).collect();
    let officers: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(officer_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|row| (row.id, row.display_name))
        .collect();
    let missing =
        |what: &str, id: i32| ServiceError::Unexpected(anyhow::anyhow!("a visit refers to a missing {what} {id}"));
    let mut items = Vec::with_capacity(found.items.len());
    for row in found.items {
        let linked = linkages.get(&row.linkage_id).ok_or_else(|| missing("linkage", row.linkage_id))?;
        let village = villages.get(&linked.village_id).ok_or_else(|| missing("village", linked.village_id))?;
        let post = posts.get(&linked.post_id).ok_or_else(|| missing("post", linked.post_id))?;
        let department =
            departments.get(&linked.department_id).ok_or_else(|| missing("department", linked.department_id))?;
        // The linkage, and its department through it, are readable when its village is.
        let linkage_visible = scope.covers(Some(village.admin_unit_id));
        let village_named =
            named(village.id, &village.code, &village.name_zh, village.name_en.as_deref(), linkage_visible);
        let target = if row.target == "post" {
            let visible = scope.covers(Some(post.admin_unit_id));
            named(post.id, &post.code, &post.name_zh, post.name_en.as_deref(), visible)
        } else {
            village_named.clone()
        };
        items.push(VisitRow {
            id: i64::from(row.id),
            visited_at: row.visited_at,
            officer: Officer {
                id: row.officer_id,
                display_name: officers.get(&row.officer_id).cloned().unwrap_or_default(),
            },
            linkage_id: i64::from(linked.id),
            linkage_visible,
            department: named(
                department.id,
                &department.code,
                &department.name_zh,
                department.name_en.as_deref(),
                linkage_visible,
            ),
            village: village_named,
            target_kind: row.target.clone(),
            target,
            distance_to_target_m: row.distance_to_target_m,
            accuracy_m: row.accuracy_m,
            flags: crate::services::visits::stored_flags(&row),
        });
    }
    Ok(PageOf { items, matched: found.matched })
}
