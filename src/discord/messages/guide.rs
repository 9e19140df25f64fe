//! The programme guide (`/guide`), its resources (`/resources`) and orientation.

use crate::domain::guide::{
    Resource, ResourceAudience, ResourceError, MAX_LINK_CHARS, MAX_RESOURCES, MAX_TITLE_CHARS,
};
use crate::text::{t, unix, Key, Locale};

pub const TITLE: Key = Key("guide-title");

pub fn intro(l: Locale, guild: &str) -> String {
    t!(l, "guide-intro", guild = guild)
}

pub const MENTORS_HEADING: Key = Key("guide-mentors-heading");
pub const MENTORS: Key = Key("guide-mentors");
pub const MENTEES_HEADING: Key = Key("guide-mentees-heading");
pub const MENTEES: Key = Key("guide-mentees");
pub const CONDUCT_HEADING: Key = Key("guide-conduct-heading");
pub const CONDUCT: Key = Key("guide-conduct");
pub const CONFIDENTIALITY_HEADING: Key = Key("guide-confidentiality-heading");
pub const CONFIDENTIALITY: Key = Key("guide-confidentiality");
pub const RESOURCES_HEADING: Key = Key("guide-resources-heading");
pub const RESOURCES_CONTINUED: Key = Key("guide-resources-continued");
pub const NO_RESOURCES: Key = Key("guide-no-resources");

/// "for mentors", as a resource's line says whom it is for.
pub fn audience(l: Locale, a: ResourceAudience) -> String {
    t!(l, "guide-audience", audience = a.as_str())
}

/// A resource in the guide; `with_audience` for moderators, who see every resource.
pub fn resource_line(l: Locale, r: &Resource, with_audience: bool) -> String {
    let title = super::quote(&r.title, MAX_TITLE_CHARS);
    if with_audience {
        t!(
            l,
            "guide-resource-for",
            title = title,
            url = r.url.as_str(),
            audience = audience(l, r.audience)
        )
    } else {
        t!(l, "guide-resource", title = title, url = r.url.as_str())
    }
}

pub const READ_BUTTON: Key = Key("guide-read-button");
pub const OWED_NOTE: Key = Key("guide-owed-note");
pub const ENROL_NOTE: Key = Key("guide-enrol-note");

/// The DM that carries the guide to a mentor who owes it: approved by a moderator, or
/// enrolled at once.
pub fn dm(l: Locale, guild: &str, approved: bool) -> String {
    if approved {
        t!(l, "guide-dm-approved", guild = guild)
    } else {
        t!(l, "guide-dm-enrolled", guild = guild)
    }
}

pub const READ_THANKS: Key = Key("guide-read-thanks");

pub fn read_already(l: Locale, at_unix: i64) -> String {
    t!(l, "guide-read-already", at = unix(at_unix))
}

pub const READ_NOT_MENTOR: Key = Key("guide-read-not-mentor");

/// `/pair create` for a mentor who still owes the guide.
pub fn mentor_not_oriented(l: Locale, mentor: u64) -> String {
    t!(l, "guide-mentor-not-oriented", mentor = mentor)
}

/// Under a `/pair suggest` preview: mentors with room who were left out.
pub fn suggest_left_out(l: Locale, n: usize) -> String {
    t!(l, "guide-suggest-left-out", count = n)
}

/// `/pair suggest` when every mentor with room still owes the guide.
pub fn suggest_all_waiting(l: Locale, n: usize) -> String {
    t!(l, "guide-suggest-all-waiting", count = n)
}

pub const ONLY_MODERATORS: Key = Key("guide-resources-only-moderators");

pub fn resource_error(l: Locale, e: &ResourceError) -> String {
    match e {
        ResourceError::EmptyTitle => t!(l, "guide-title-empty"),
        ResourceError::TitleTooLong(n) => {
            t!(l, "guide-title-too-long", chars = *n, max = MAX_TITLE_CHARS)
        }
        ResourceError::NotALink(typed) if typed.trim().is_empty() => t!(l, "guide-link-empty"),
        ResourceError::NotALink(typed) => {
            t!(l, "guide-not-a-link", link = super::quote(typed, 60))
        }
        ResourceError::NotWeb(scheme) => {
            t!(l, "guide-not-web", scheme = super::quote(scheme, 20))
        }
        ResourceError::LinkTooLong(n) => {
            t!(l, "guide-link-too-long", chars = *n, max = MAX_LINK_CHARS)
        }
    }
}

pub fn full(l: Locale) -> String {
    t!(l, "guide-full", max = MAX_RESOURCES)
}

pub fn added(l: Locale, r: &Resource) -> String {
    t!(
        l,
        "guide-added",
        id = r.id.to_string(),
        audience = audience(l, r.audience),
        title = super::quote(&r.title, MAX_TITLE_CHARS)
    )
}

pub fn no_resource(l: Locale, id: i64) -> String {
    t!(l, "guide-no-resource", id = id.to_string())
}

pub fn removed(l: Locale, r: &Resource) -> String {
    t!(
        l,
        "guide-removed",
        id = r.id.to_string(),
        title = super::quote(&r.title, MAX_TITLE_CHARS)
    )
}

pub const LIST_TITLE: Key = Key("guide-list-title");
pub const LIST_EMPTY: Key = Key("guide-list-empty");

pub fn list_line(l: Locale, r: &Resource) -> String {
    t!(
        l,
        "guide-list-line",
        id = r.id.to_string(),
        title = super::quote(&r.title, MAX_TITLE_CHARS),
        url = r.url.as_str(),
        audience = audience(l, r.audience),
        at = unix(r.added_at.timestamp())
    )
}

pub fn list_footer(l: Locale, n: usize) -> String {
    t!(l, "guide-list-footer", count = n, max = MAX_RESOURCES)
}

// /setup
pub const SETUP_ORIENTATION: Key = Key("guide-setup-orientation");

pub fn orientation_value(required: bool) -> Key {
    if required {
        Key("guide-setup-orientation-required")
    } else {
        Key("guide-setup-orientation-off")
    }
}

pub const PROFILE_HEADING: Key = Key("guide-profile-heading");
pub const PROFILE_OWED: Key = Key("guide-profile-owed");
pub const MEMBERS_HEADING: Key = Key("guide-members-heading");
