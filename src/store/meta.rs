//! Key-value facts about the database itself.

use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use super::StoreError;
use super::entities::meta;

pub async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<String>, StoreError> {
    Ok(meta::Entity::find_by_id(key.to_owned()).one(db).await?.map(|row| row.value))
}

pub async fn insert(db: &impl ConnectionTrait, key: &str, value: &str) -> Result<(), StoreError> {
    meta::Entity::insert(meta::ActiveModel { key: Set(key.to_owned()), value: Set(value.to_owned()) }).exec(db).await?;
    Ok(())
}
