//! Who may do what: everyone, moderators (the server's moderator role) and admins (Manage
//! Server). Checked on the server side for every command, whatever Discord's client showed.

use poise::serenity_prelude as serenity;

use super::Context;
use crate::domain::guild::GuildSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    Member,
    Moderator,
    Admin,
}

impl Access {
    /// The audience a command is written for, from its poise `category`.
    pub fn of_category(category: Option<&str>) -> Access {
        match category {
            Some("Admins") => Access::Admin,
            Some("Moderators") => Access::Moderator,
            _ => Access::Member,
        }
    }
}

/// The caller's access level from the permissions Discord computed for this interaction.
pub fn of_caller(ctx: Context<'_>, settings: Option<&GuildSettings>) -> Access {
    let member = match ctx {
        poise::Context::Application(a) => a.interaction.member.as_deref(),
        poise::Context::Prefix(_) => None,
    };
    of_member(member, settings)
}

/// The access level of the member who sent an interaction (command, button or modal).
pub fn of_member(member: Option<&serenity::Member>, settings: Option<&GuildSettings>) -> Access {
    let Some(member) = member else {
        return Access::Member;
    };
    let admin = member
        .permissions
        .is_some_and(|p| p.administrator() || p.manage_guild());
    if admin {
        return Access::Admin;
    }
    let moderator = settings
        .and_then(|s| s.moderator_role_id)
        .is_some_and(|role| member.roles.contains(&serenity::RoleId::new(role)));
    if moderator {
        Access::Moderator
    } else {
        Access::Member
    }
}
