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

/// Who a command or button is for. Declared once per command (`commands::AUDIENCES`) and per
/// button (`CustomId::audience`), and checked in one place before the handler runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    /// Acts on the pair whose private channel it runs in: for that pair's members, or a
    /// moderator.
    PairMember,
    /// As [`Audience::PairMember`], but for the pair's own members only (moderators too are
    /// refused): asking for a re-pair, recording a meeting.
    PairMemberOnly,
    Moderator,
    Admin,
}

impl Audience {
    /// The least access level it asks for (a pair audience asks for membership besides).
    pub fn level(self) -> Access {
        match self {
            Audience::Everyone | Audience::PairMember | Audience::PairMemberOnly => Access::Member,
            Audience::Moderator => Access::Moderator,
            Audience::Admin => Access::Admin,
        }
    }

    /// Whether it acts on the pair of the channel it runs in.
    pub fn is_pair(self) -> bool {
        matches!(self, Audience::PairMember | Audience::PairMemberOnly)
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
