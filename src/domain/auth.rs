//! Who may do what: roles, the policy table (action → roles), jurisdictions and passwords.

use super::DomainError;

/// A user's role (DESIGN.md §3). The anonymous public has no role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Admin,
    Official,
    LiaisonOfficer,
    OutreachCoordinator,
    OutreachMember,
    PostStaff,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Admin,
        Role::Official,
        Role::LiaisonOfficer,
        Role::OutreachCoordinator,
        Role::OutreachMember,
        Role::PostStaff,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Official => "official",
            Role::LiaisonOfficer => "liaison_officer",
            Role::OutreachCoordinator => "outreach_coordinator",
            Role::OutreachMember => "outreach_member",
            Role::PostStaff => "post_staff",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// Everything a caller can ask the system to do. Each action has exactly one policy entry
/// ([`policy`] is an exhaustive match, so a new action cannot be born without one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Health,
    Login,
    Logout,
    ReadOwnAccount,
    ManageOwnTokens,
    ReadVillages,
    ReadPosts,
    ReadIncidents,
    ReadBorder,
    LocatePoints,
    ReadAudit,
    ReadDashboard,
    ReadDepartments,
    ReadLinkages,
    ManageLinkages,
    WriteIncidents,
    ReadReports,
    LogVisits,
    LogPatrols,
    /// A village's public page, which the QR code of an outreach notice opens: its name and
    /// county, for anyone.
    ReadVillagePage,
    /// Outreach coverage of a period and the villages suggested for a team's next sessions.
    PlanOutreach,
    /// Outreach teams and sessions: read them.
    ReadOutreach,
    /// Outreach teams and sessions: create teams, schedule, record held or cancelled sessions,
    /// rotate a team's calendar address.
    ManageOutreach,
    /// A team's calendar feed, read with its secret address (phone calendars send no
    /// credentials; the secret is the authorization, checked by the service).
    ReadTeamCalendarFeed,
}

/// Who may perform an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

/// The policy table.
pub fn policy(action: Action) -> Access {
    match action {
        Action::Health | Action::Login | Action::ReadTeamCalendarFeed => Access::Public,
        Action::Logout | Action::ReadOwnAccount | Action::ManageOwnTokens => Access::SignedIn,
        Action::ReadVillages | Action::ReadPosts | Action::ReadBorder | Action::LocatePoints => {
            Access::Roles(&Role::ALL)
        }
        Action::ReadIncidents => Access::Roles(&[Role::Admin, Role::Official, Role::PostStaff]),
        Action::ReadAudit | Action::ReadDashboard => Access::Roles(&[Role::Admin, Role::Official]),
        Action::ReadDepartments => Access::Roles(&Role::ALL),
        Action::ReadLinkages => Access::Roles(&[Role::Admin, Role::Official, Role::LiaisonOfficer]),
        Action::ManageLinkages => Access::Roles(&[Role::Admin, Role::Official]),
        Action::WriteIncidents => Access::Roles(&[Role::Admin, Role::Official, Role::PostStaff]),
        Action::ReadReports => Access::Roles(&[Role::Admin, Role::Official]),
        Action::LogVisits => Access::Roles(&[Role::Admin, Role::Official, Role::LiaisonOfficer]),
        Action::LogPatrols => Access::Roles(&[Role::Admin, Role::Official, Role::PostStaff]),
        Action::ReadVillagePage => Access::Public,
        Action::ReadOutreach => {
            Access::Roles(&[Role::Admin, Role::Official, Role::OutreachCoordinator, Role::OutreachMember])
        }
        Action::ManageOutreach => Access::Roles(&[Role::Admin, Role::OutreachCoordinator]),
        Action::PlanOutreach => Access::Roles(&[Role::Admin, Role::Official, Role::OutreachCoordinator]),
    }
}

/// Whether a caller with `role` (None: anonymous) may perform `action`.
pub fn allows(role: Option<Role>, action: Action) -> bool {
    match (policy(action), role) {
        (Access::Public, _) => true,
        (Access::SignedIn, Some(_)) => true,
        (Access::Roles(roles), Some(role)) => roles.contains(&role),
        (_, None) => false,
    }
}

/// The admin units a user may see: everything (prefecture level) or an explicit subtree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Jurisdiction {
    All,
    Units(Vec<i32>),
}

impl Jurisdiction {
    /// True when a record of admin unit `unit_id` is visible (`None`: records without a unit
    /// are visible only to the whole-prefecture jurisdiction).
    pub fn covers(&self, unit_id: Option<i32>) -> bool {
        match (self, unit_id) {
            (Jurisdiction::All, _) => true,
            (Jurisdiction::Units(units), Some(unit)) => units.contains(&unit),
            (Jurisdiction::Units(_), None) => false,
        }
    }
}

/// The shortest password accepted (characters).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted (characters), to bound hashing work.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// A password that satisfies the length rule; never logged or printed.
pub struct Password(String);

impl Password {
    pub fn parse(text: &str) -> Result<Password, DomainError> {
        let length = text.chars().count();
        if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&length) {
            return Err(DomainError::WeakPassword { min: MIN_PASSWORD_CHARS });
        }
        Ok(Password(text.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("public"), None);
    }

    #[test]
    fn the_public_reaches_only_public_actions() {
        assert!(allows(None, Action::Health));
        assert!(!allows(None, Action::ReadVillages));
        assert!(!allows(Some(Role::OutreachMember), Action::ReadIncidents));
        assert!(allows(Some(Role::PostStaff), Action::ReadIncidents));
        assert!(!allows(Some(Role::LiaisonOfficer), Action::ReadAudit));
    }

    #[test]
    fn passwords_need_twelve_characters() {
        assert!(Password::parse("short").is_err());
        assert!(Password::parse("十二个字的密码十二个字的密").is_ok(), "characters, not bytes");
        assert!(Password::parse("elevenchars").is_err());
        assert_eq!(format!("{:?}", Password::parse("a long enough one").expect("valid")), "Password(…)");
    }

    #[test]
    fn a_county_jurisdiction_covers_only_its_units() {
        let county = Jurisdiction::Units(vec![3, 7]);
        assert!(county.covers(Some(7)));
        assert!(!county.covers(Some(8)));
        assert!(!county.covers(None));
        assert!(Jurisdiction::All.covers(None));
    }
}
