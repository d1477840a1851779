//! `banna user add` and `banna user passwd`: the password comes from the terminal (not echoed)
//! or, when standard input is not a terminal, from its first line; never from the arguments.

use std::io::{BufRead, IsTerminal};

use fluent_bundle::FluentValue;

use super::{Context, Failure};
use crate::domain::auth::Password;
use crate::services::auth::{self, NewUser};
use crate::store;

fn read_password(context: &Context) -> Result<Password, Failure> {
    let text = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(context.say("cli-password-prompt", &[]))?;
        let again = rpassword::prompt_password(context.say("cli-password-again", &[]))?;
        if first != again {
            return Err(Failure::Error(anyhow::anyhow!(context.say("cli-password-mismatch", &[]))));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Password::parse(&text).map_err(|error| {
        let args = super::fluent_args(&error.args());
        Failure::Error(anyhow::anyhow!(context.say(error.message_id(), &args)))
    })
}

pub async fn add(
    context: &Context,
    username: &str,
    role: &str,
    jurisdiction: &str,
    department: Option<i32>,
) -> Result<(), Failure> {
    let password = read_password(context)?;
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    let new = NewUser {
        username,
        display_name: username,
        role,
        jurisdiction_code: jurisdiction,
        department_id: department,
        password: Some(password),
        is_demo: false,
    };
    let id = auth::create_user(&db, new, None).await?;
    eprintln!(
        "{}",
        context.say(
            "cli-user-added",
            &[("username", FluentValue::from(username.to_owned())), ("id", FluentValue::from(id))]
        )
    );
    db.close().await?;
    Ok(())
}

pub async fn passwd(context: &Context, username: &str) -> Result<(), Failure> {
    let password = read_password(context)?;
    let db = store::connect(&context.settings.database).await?;
    store::migrate(&db).await?;
    auth::set_password(&db, username, &password, None).await?;
    eprintln!("{}", context.say("cli-password-set", &[("username", FluentValue::from(username.to_owned()))]));
    db.close().await?;
    Ok(())
}
