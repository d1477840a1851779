//! The jurisdiction tree (prefecture → county → township → village committee), small enough
//! to load whole: who sees what, and which county a record belongs to.

use std::collections::HashMap;

use sea_orm::ConnectionTrait;
use serde::Serialize;

use super::ServiceError;
use crate::domain::auth::Jurisdiction;
use crate::store::entities::admin_unit;
use crate::store::features;

/// An admin unit as shown with a record.
#[derive(Clone, Debug, Serialize)]
pub struct UnitRef {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// Every admin unit by id.
pub struct AdminTree {
    units: HashMap<i32, admin_unit::Model>,
}

/// Deeper than any real tree: a guard against a cycle in bad data.
const MAX_DEPTH: usize = 16;

impl AdminTree {
    pub async fn load(db: &impl ConnectionTrait) -> Result<AdminTree, ServiceError> {
        let units = features::admin_units(db).await?.into_iter().map(|unit| (unit.id, unit)).collect();
        Ok(AdminTree { units })
    }

    /// The unit itself or its nearest ancestor at `level` (e.g. the county of a township).
    pub fn ancestor(&self, unit_id: i32, level: &str) -> Option<UnitRef> {
        let mut current = self.units.get(&unit_id);
        for _ in 0..MAX_DEPTH {
            let unit = current?;
            if unit.level == level {
                return Some(UnitRef {
                    code: unit.code.clone(),
                    name_zh: unit.name_zh.clone(),
                    name_en: unit.name_en.clone(),
                });
            }
            current = unit.parent_id.and_then(|parent| self.units.get(&parent));
        }
        None
    }

    /// The unit itself, at whatever level.
    pub fn unit(&self, unit_id: i32) -> Option<UnitRef> {
        self.units.get(&unit_id).map(|unit| UnitRef {
            code: unit.code.clone(),
            name_zh: unit.name_zh.clone(),
            name_en: unit.name_en.clone(),
        })
    }

    /// The id of the unit with GB/T 2260 `code` at `level`, if there is one.
    pub fn find(&self, code: &str, level: &str) -> Option<i32> {
        self.units.values().find(|unit| unit.code == code && unit.level == level).map(|unit| unit.id)
    }

    /// The units at `level` (e.g. every county), by code.
    pub fn at_level(&self, level: &str) -> Vec<(i32, UnitRef)> {
        let mut found: Vec<(i32, UnitRef)> = self
            .units
            .values()
            .filter(|unit| unit.level == level)
            .filter_map(|unit| Some((unit.id, self.unit(unit.id)?)))
            .collect();
        found.sort_by(|a, b| a.1.code.cmp(&b.1.code));
        found
    }

    /// The unit a jurisdiction is named after: the prefecture for the whole of it, else the
    /// top of the subtree (the unit the user was placed at).
    pub fn top_of(&self, scope: &Jurisdiction) -> Option<UnitRef> {
        match scope {
            Jurisdiction::All => self.at_level("prefecture").into_iter().next().map(|(_, unit)| unit),
            Jurisdiction::Units(ids) => ids
                .iter()
                .find(|id| {
                    let parent = self.units.get(id).and_then(|unit| unit.parent_id);
                    parent.is_none_or(|parent| !ids.contains(&parent))
                })
                .and_then(|id| self.unit(*id)),
        }
    }

    /// What a user placed at `unit_id` sees: everything at prefecture level, else the subtree.
    pub fn jurisdiction(&self, unit_id: i32) -> Jurisdiction {
        let Some(unit) = self.units.get(&unit_id) else { return Jurisdiction::Units(Vec::new()) };
        if unit.level == "prefecture" {
            return Jurisdiction::All;
        }
        let mut subtree = vec![unit_id];
        let mut frontier = vec![unit_id];
        while let Some(parent) = frontier.pop() {
            for child in self.units.values().filter(|unit| unit.parent_id == Some(parent)) {
                if !subtree.contains(&child.id) {
                    subtree.push(child.id);
                    frontier.push(child.id);
                }
            }
        }
        Jurisdiction::Units(subtree)
    }
}
