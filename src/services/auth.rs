//! Accounts, sign-in, sessions and tokens, and the authorization decision every use case
//! starts with. Secrets are random 256-bit values; only their SHA-256 is stored.

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::ServiceError;
use super::audit::{self, Event};
use crate::domain::DomainError;
use crate::domain::auth::{Action, Jurisdiction, Password, Role, allows};
use crate::store::StoreError;
use crate::store::entities::{admin_unit, auth_token, linkage, linkage_officer, login_throttle, user, village};

/// How long a sign-in session lasts.
pub const SESSION_HOURS: i64 = 12;
/// How long an API token lasts.
pub const TOKEN_DAYS: i64 = 90;
/// Failures allowed per account before its sign-in is slowed down.
const FREE_FAILURES_ACCOUNT: i32 = 3;
/// Failures allowed per address before sign-in from it is slowed down (higher: several
/// people may share an address behind one gateway).
const FREE_FAILURES_ADDRESS: i32 = 20;
/// The first wait after the free failures; it doubles with each further failure.
const FIRST_LOCK_SECONDS: i64 = 30;
/// The longest wait imposed after repeated failures.
const MAX_LOCK_SECONDS: i64 = 900;

fn db_err(error: sea_orm::DbErr) -> ServiceError {
    StoreError::from(error).into()
}

/// The signed-in caller.
#[derive(Clone, Debug, PartialEq)]
pub struct Principal {
    pub user_id: i32,
    pub username: String,
    pub role: Role,
    pub department_id: Option<i32>,
    pub jurisdiction: Jurisdiction,
    /// The user's saved language (BCP 47).
    pub locale: String,
    /// The session or token this request came with.
    pub token_id: i32,
}

/// The authorization decision: `Ok` with the principal (or `None` for a public action taken
/// anonymously); 401 without credentials, 403 for a role the policy does not allow.
pub fn authorize(caller: Option<&Principal>, action: Action) -> Result<Option<&Principal>, ServiceError> {
    if allows(caller.map(|principal| principal.role), action) {
        return Ok(caller);
    }
    Err(if caller.is_none() { ServiceError::Unauthenticated } else { ServiceError::Forbidden })
}

/// Like [`authorize`] for actions that need a signed-in caller.
pub fn require(caller: Option<&Principal>, action: Action) -> Result<&Principal, ServiceError> {
    authorize(caller, action)?.ok_or(ServiceError::Unauthenticated)
}

/// Hashes a password with argon2id (random salt, PHC string).
pub fn hash_password(password: &Password) -> Result<String, ServiceError> {
    use argon2::password_hash::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(password.expose().as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| ServiceError::Unexpected(anyhow::anyhow!("password hashing failed: {error}")))
}

fn verify_password(hash: &str, password: &str) -> bool {
    use argon2::password_hash::PasswordVerifier;
    argon2::Argon2::default().verify_password(password.as_bytes(), hash).is_ok()
}

pub(crate) fn sha256_hex(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

pub(crate) fn new_secret() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The admin units a user at `unit_id` sees: the whole prefecture, or its subtree.
pub async fn jurisdiction_of(db: &impl ConnectionTrait, unit_id: i32) -> Result<Jurisdiction, ServiceError> {
    Ok(super::admin::AdminTree::load(db).await?.jurisdiction(unit_id))
}

/// A new account. `password: None` makes an account that cannot sign in.
#[derive(Debug)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub jurisdiction_code: &'a str,
    pub department_id: Option<i32>,
    pub password: Option<Password>,
    pub is_demo: bool,
}

/// Creates an account (audited). Errors: unknown role or jurisdiction; a taken user name is a
/// conflict.
pub async fn create_user(db: &DatabaseConnection, new: NewUser<'_>, actor: Option<i32>) -> Result<i32, ServiceError> {
    let role = Role::parse(new.role).ok_or_else(|| DomainError::UnknownRole { value: new.role.to_owned() })?;
    let unit = admin_unit::Entity::find()
        .filter(admin_unit::Column::Code.eq(new.jurisdiction_code))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(|| DomainError::UnknownJurisdiction { value: new.jurisdiction_code.to_owned() })?;
    let hash = new.password.as_ref().map(hash_password).transpose()?;
    let txn = db.begin().await.map_err(db_err)?;
    let row = user::ActiveModel {
        id: NotSet,
        username: Set(new.username.to_owned()),
        display_name: Set(new.display_name.to_owned()),
        password_hash: Set(hash),
        role: Set(role.code().to_owned()),
        admin_unit_id: Set(unit.id),
        department_id: Set(new.department_id),
        languages: Set(json!(["zh"])),
        locale: Set("zh-CN".to_owned()),
        is_active: Set(true),
        created_at: Set(Utc::now()),
        is_demo: Set(new.is_demo),
    }
    .insert(&txn)
    .await
    .map_err(|error| match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => ServiceError::Conflict,
        _ => db_err(error),
    })?;
    let after = json!({ "username": row.username, "role": row.role, "admin_unit_id": row.admin_unit_id, "department_id": row.department_id });
    audit::record(
        &txn,
        Event {
            actor_user_id: actor,
            action: "create",
            record_type: "user",
            record_id: row.id.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(row.id)
}

/// Sets a user's password (audited, without the hash) and ends the user's sessions.
pub async fn set_password(
    db: &DatabaseConnection,
    username: &str,
    password: &Password,
    actor: Option<i32>,
) -> Result<(), ServiceError> {
    let found = find_user(db, username)
        .await?
        .ok_or(ServiceError::NotFound { kind: super::RecordKind::User, id: username.to_owned() })?;
    let hash = hash_password(password)?;
    let txn = db.begin().await.map_err(db_err)?;
    let id = found.id;
    let mut row: user::ActiveModel = found.into();
    row.password_hash = Set(Some(hash));
    row.update(&txn).await.map_err(db_err)?;
    revoke_all(&txn, id, "session").await?;
    audit::record(
        &txn,
        Event {
            actor_user_id: actor,
            action: "set_password",
            record_type: "user",
            record_id: id.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

async fn find_user(db: &impl ConnectionTrait, username: &str) -> Result<Option<user::Model>, ServiceError> {
    user::Entity::find().filter(user::Column::Username.eq(username)).one(db).await.map_err(db_err)
}

async fn revoke_all(db: &impl ConnectionTrait, user_id: i32, kind: &str) -> Result<(), ServiceError> {
    auth_token::Entity::update_many()
        .col_expr(auth_token::Column::RevokedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(auth_token::Column::UserId.eq(user_id))
        .filter(auth_token::Column::Kind.eq(kind))
        .filter(auth_token::Column::RevokedAt.is_null())
        .exec(db)
        .await
        .map_err(db_err)?;
    Ok(())
}

/// A freshly issued secret (shown once) and its record.
#[derive(Debug)]
pub struct Issued {
    pub secret: String,
    pub token_id: i32,
    pub user_id: i32,
    pub expires_at: DateTime<Utc>,
}

async fn issue(
    db: &impl ConnectionTrait,
    user_id: i32,
    kind: &str,
    name: Option<&str>,
    lifetime: Duration,
) -> Result<Issued, ServiceError> {
    let secret = new_secret();
    let now = Utc::now();
    let row = auth_token::ActiveModel {
        id: NotSet,
        token_hash: Set(sha256_hex(&secret)),
        user_id: Set(user_id),
        kind: Set(kind.to_owned()),
        name: Set(name.map(str::to_owned)),
        created_at: Set(now),
        expires_at: Set(now + lifetime),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    Ok(Issued { secret, token_id: row.id, user_id, expires_at: row.expires_at })
}

/// Seconds to wait before `key` may try again, if it is locked.
async fn locked_for(db: &impl ConnectionTrait, key: &str, now: DateTime<Utc>) -> Result<Option<i64>, ServiceError> {
    let row = login_throttle::Entity::find_by_id(key.to_owned()).one(db).await.map_err(db_err)?;
    Ok(row
        .and_then(|row| row.locked_until)
        .filter(|until| *until > now)
        .map(|until| (until - now).num_seconds().max(1)))
}

async fn note_failure(db: &impl ConnectionTrait, key: &str, free: i32, now: DateTime<Utc>) -> Result<(), ServiceError> {
    let existing = login_throttle::Entity::find_by_id(key.to_owned()).one(db).await.map_err(db_err)?;
    let failures = existing.as_ref().map_or(0, |row| row.failures) + 1;
    let locked_until = (failures > free).then(|| {
        let doublings = u32::try_from(failures - free - 1).unwrap_or(0).min(10);
        now + Duration::seconds((FIRST_LOCK_SECONDS << doublings).min(MAX_LOCK_SECONDS))
    });
    let row = login_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(failures),
        last_failure_at: Set(now),
        locked_until: Set(locked_until),
    };
    if existing.is_some() {
        row.update(db).await.map_err(db_err)?;
    } else {
        row.insert(db).await.map_err(db_err)?;
    }
    Ok(())
}

async fn clear_failures(db: &impl ConnectionTrait, key: &str) -> Result<(), ServiceError> {
    login_throttle::Entity::delete_by_id(key.to_owned()).exec(db).await.map_err(db_err)?;
    Ok(())
}

/// Signs a user in: checks the throttle for the account and the address, verifies the
/// password and issues a session secret. Both outcomes are audited.
pub async fn login(
    db: &DatabaseConnection,
    username: &str,
    password: &str,
    address: &str,
) -> Result<Issued, ServiceError> {
    let now = Utc::now();
    let (user_key, address_key) = (format!("user:{username}"), format!("ip:{address}"));
    for key in [&user_key, &address_key] {
        if let Some(seconds) = locked_for(db, key, now).await? {
            return Err(ServiceError::Throttled { seconds });
        }
    }
    let found = find_user(db, username).await?;
    let valid = match found.as_ref().filter(|row| row.is_active).and_then(|row| row.password_hash.clone()) {
        Some(hash) => {
            let password = password.to_owned();
            tokio::task::spawn_blocking(move || verify_password(&hash, &password)).await.unwrap_or(false)
        }
        None => false,
    };
    let txn = db.begin().await.map_err(db_err)?;
    let Some(row) = found.filter(|_| valid) else {
        note_failure(&txn, &user_key, FREE_FAILURES_ACCOUNT, now).await?;
        note_failure(&txn, &address_key, FREE_FAILURES_ADDRESS, now).await?;
        audit::record(
            &txn,
            Event {
                actor_user_id: None,
                action: "login_failed",
                record_type: "user",
                record_id: username.to_owned(),
                before: None,
                after: Some(json!({ "address": address })),
            },
        )
        .await?;
        txn.commit().await.map_err(db_err)?;
        return Err(ServiceError::LoginFailed);
    };
    clear_failures(&txn, &user_key).await?;
    let issued = issue(&txn, row.id, "session", None, Duration::hours(SESSION_HOURS)).await?;
    audit::record(
        &txn,
        Event {
            actor_user_id: Some(row.id),
            action: "login",
            record_type: "auth_token",
            record_id: issued.token_id.to_string(),
            before: None,
            after: Some(json!({ "kind": "session", "address": address })),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(issued)
}

/// The principal a secret stands for, if it is a live session or token of an active user.
pub async fn authenticate(db: &DatabaseConnection, secret: &str) -> Result<Option<Principal>, ServiceError> {
    let now = Utc::now();
    let Some(token) = auth_token::Entity::find()
        .filter(auth_token::Column::TokenHash.eq(sha256_hex(secret)))
        .filter(auth_token::Column::RevokedAt.is_null())
        .filter(auth_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await
        .map_err(db_err)?
    else {
        return Ok(None);
    };
    let Some(row) = user::Entity::find_by_id(token.user_id).one(db).await.map_err(db_err)?.filter(|row| row.is_active)
    else {
        return Ok(None);
    };
    let Some(role) = Role::parse(&row.role) else { return Ok(None) };
    Ok(Some(Principal {
        user_id: row.id,
        username: row.username,
        role,
        department_id: row.department_id,
        jurisdiction: jurisdiction_of(db, row.admin_unit_id).await?,
        locale: row.locale,
        token_id: token.id,
    }))
}

/// Ends the caller's session or revokes the token it used (audited).
pub async fn logout(db: &DatabaseConnection, principal: &Principal) -> Result<(), ServiceError> {
    revoke(db, principal, principal.token_id).await
}

/// An API token the caller owns, without its secret.
#[derive(Debug, serde::Serialize)]
pub struct TokenView {
    pub id: i32,
    pub kind: String,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked: bool,
}

/// Creates an API token for the caller (the secret is returned once; audited).
pub async fn create_token(db: &DatabaseConnection, principal: &Principal, name: &str) -> Result<Issued, ServiceError> {
    let txn = db.begin().await.map_err(db_err)?;
    let issued = issue(&txn, principal.user_id, "api", Some(name), Duration::days(TOKEN_DAYS)).await?;
    audit::record(
        &txn,
        Event {
            actor_user_id: Some(principal.user_id),
            action: "create",
            record_type: "auth_token",
            record_id: issued.token_id.to_string(),
            before: None,
            after: Some(json!({ "kind": "api", "name": name })),
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(issued)
}

/// The caller's API tokens.
pub async fn list_tokens(db: &DatabaseConnection, principal: &Principal) -> Result<Vec<TokenView>, ServiceError> {
    let rows = auth_token::Entity::find()
        .filter(auth_token::Column::UserId.eq(principal.user_id))
        .filter(auth_token::Column::Kind.eq("api"))
        .order_by_asc(auth_token::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|row| TokenView {
            id: row.id,
            kind: row.kind,
            name: row.name,
            created_at: row.created_at,
            expires_at: row.expires_at,
            revoked: row.revoked_at.is_some(),
        })
        .collect())
}

/// Revokes one of the caller's sessions or tokens; another user's token is "not found".
pub async fn revoke(db: &DatabaseConnection, principal: &Principal, token_id: i32) -> Result<(), ServiceError> {
    let not_found = || ServiceError::NotFound { kind: super::RecordKind::Token, id: token_id.to_string() };
    let row = auth_token::Entity::find_by_id(token_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|row| row.user_id == principal.user_id)
        .ok_or_else(not_found)?;
    if row.revoked_at.is_some() {
        return Ok(());
    }
    let txn = db.begin().await.map_err(db_err)?;
    let mut active: auth_token::ActiveModel = row.into();
    active.revoked_at = Set(Some(Utc::now()));
    active.update(&txn).await.map_err(db_err)?;
    audit::record(
        &txn,
        Event {
            actor_user_id: Some(principal.user_id),
            action: "revoke",
            record_type: "auth_token",
            record_id: token_id.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

/// A demo account created by `serve --demo`, with its password (shown once).
#[derive(Debug)]
pub struct DemoAccount {
    pub username: String,
    pub role: &'static str,
    pub jurisdiction_code: &'static str,
    pub password: String,
}

/// How many running linkages the demo liaison officer is listed on.
const DEMO_LIAISON_LINKAGES: usize = 3;

/// The department of the first running linkage whose village lies in `county_code`, and up to
/// [`DEMO_LIAISON_LINKAGES`] of that department's running linkages there; `None` before the
/// demo data is loaded.
async fn demo_liaison_assignment(
    db: &DatabaseConnection,
    county_code: &str,
) -> Result<Option<(i32, Vec<i32>)>, ServiceError> {
    let tree = super::admin::AdminTree::load(db).await?;
    let running = linkage::Entity::find()
        .filter(linkage::Column::EndsOn.is_null())
        .order_by_asc(linkage::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let villages: std::collections::HashMap<i32, i32> = village::Entity::find()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|village| (village.id, village.admin_unit_id))
        .collect();
    let in_county = |row: &linkage::Model| {
        villages
            .get(&row.village_id)
            .and_then(|unit| tree.ancestor(*unit, "county"))
            .is_some_and(|county| county.code == county_code)
    };
    let Some(first) = running.iter().find(|row| in_county(row)) else { return Ok(None) };
    let department_id = first.department_id;
    let linkage_ids = running
        .iter()
        .filter(|row| row.department_id == department_id && in_county(row))
        .take(DEMO_LIAISON_LINKAGES)
        .map(|row| row.id)
        .collect();
    Ok(Some((department_id, linkage_ids)))
}

/// One demo account per role (officials: one for the prefecture and one per county), each
/// with a fresh random password. Accounts that exist already are left alone and not listed,
/// so passwords are printed only the first time.
pub async fn ensure_demo_accounts(db: &DatabaseConnection) -> Result<Vec<DemoAccount>, ServiceError> {
    const ACCOUNTS: [(&str, &str, &str); 9] = [
        ("demo.admin", "admin", "532800"),
        ("demo.official", "official", "532800"),
        ("demo.official.jinghong", "official", "532801"),
        ("demo.official.menghai", "official", "532822"),
        ("demo.official.mengla", "official", "532823"),
        ("demo.liaison", "liaison_officer", "532822"),
        ("demo.outreach.coordinator", "outreach_coordinator", "532823"),
        ("demo.outreach.member", "outreach_member", "532823"),
        ("demo.post", "post_staff", "532801"),
    ];
    let mut created = Vec::new();
    for (username, role, code) in ACCOUNTS {
        if find_user(db, username).await?.is_some() {
            continue;
        }
        let password = new_secret()[..16].to_owned();
        // The liaison officer works for a department linked to villages of its county and is
        // listed on a few of its running linkages, so the visit form has something to log.
        let assignment = if role == "liaison_officer" { demo_liaison_assignment(db, code).await? } else { None };
        let new = NewUser {
            username,
            display_name: username,
            role,
            jurisdiction_code: code,
            department_id: assignment.as_ref().map(|(department_id, _)| *department_id),
            password: Some(Password::parse(&password)?),
            is_demo: true,
        };
        let user_id = create_user(db, new, None).await?;
        if let Some((_, linkage_ids)) = assignment {
            let officers = linkage_ids
                .into_iter()
                .map(|linkage_id| linkage_officer::ActiveModel { linkage_id: Set(linkage_id), user_id: Set(user_id) });
            linkage_officer::Entity::insert_many(officers).exec(db).await.map_err(db_err)?;
        }
        created.push(DemoAccount { username: username.to_owned(), role, jurisdiction_code: code, password });
    }
    Ok(created)
}
