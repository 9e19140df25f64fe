//! The programme guide's resource list: who each resource is for, and what a title and a link
//! must be. Parsed once here, at the edge, and stored in canonical form.

use chrono::{DateTime, Utc};

/// Most resources one server keeps (one embed shows them all).
pub const MAX_RESOURCES: usize = 25;
/// Characters in a resource's title.
pub const MAX_TITLE_CHARS: usize = 100;
/// Characters in a resource's link (25 of them must fit one message).
pub const MAX_LINK_CHARS: usize = 300;

/// Who a resource is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResourceAudience {
    Everyone,
    Mentors,
    Mentees,
}

impl ResourceAudience {
    pub const ALL: [ResourceAudience; 3] = [
        ResourceAudience::Everyone,
        ResourceAudience::Mentors,
        ResourceAudience::Mentees,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceAudience::Everyone => "everyone",
            ResourceAudience::Mentors => "mentors",
            ResourceAudience::Mentees => "mentees",
        }
    }
}

impl std::str::FromStr for ResourceAudience {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        ResourceAudience::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or(())
    }
}

/// A link or document the moderators keep for the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub id: i64,
    pub guild_id: u64,
    pub title: String,
    pub url: String,
    pub audience: ResourceAudience,
    /// The moderator who added it; `None` once they erased their data.
    pub added_by: Option<u64>,
    pub added_at: DateTime<Utc>,
}

/// Who reads the guide, for which resources they see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reader {
    pub mentor: bool,
    pub mentee: bool,
    /// Moderators see every resource.
    pub moderator: bool,
}

impl Reader {
    pub fn sees(self, audience: ResourceAudience) -> bool {
        match audience {
            ResourceAudience::Everyone => true,
            ResourceAudience::Mentors => self.mentor || self.moderator,
            ResourceAudience::Mentees => self.mentee || self.moderator,
        }
    }
}

/// Why a resource was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceError {
    EmptyTitle,
    TitleTooLong(usize),
    /// Not a link at all (as typed).
    NotALink(String),
    /// A link, but not to a web page (`ftp:`, `javascript:`, `mailto:` …); the scheme.
    NotWeb(String),
    LinkTooLong(usize),
}

/// A resource's title: invisible edges trimmed, on one line, spaces squeezed, 1 to 100
/// characters.
pub fn parse_title(text: &str) -> Result<String, ResourceError> {
    let title = super::member::tidy(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // What is left may still be nothing a person can see (a zero-width space between spaces).
    let visible = super::member::tidy(&title);
    if visible.is_empty() {
        return Err(ResourceError::EmptyTitle);
    }
    let n = visible.chars().count();
    if n > MAX_TITLE_CHARS {
        return Err(ResourceError::TitleTooLong(n));
    }
    Ok(visible)
}

/// A resource's link: an absolute `http` or `https` URL with a host, in the canonical form
/// the URL standard gives it (`HTTPS://Example.com` → `https://example.com/`).
pub fn parse_link(text: &str) -> Result<String, ResourceError> {
    let typed = super::member::tidy(text);
    if typed.is_empty() || typed.chars().any(char::is_whitespace) {
        return Err(ResourceError::NotALink(typed));
    }
    let url = url::Url::parse(&typed).map_err(|_| ResourceError::NotALink(typed.clone()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(ResourceError::NotWeb(url.scheme().to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ResourceError::NotALink(typed));
    }
    let link = url.to_string();
    let n = link.chars().count();
    if n > MAX_LINK_CHARS {
        return Err(ResourceError::LinkTooLong(n));
    }
    Ok(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_squeezed_and_limited() {
        assert_eq!(
            parse_title("  Mentor   handbook \n v2 "),
            Ok("Mentor handbook v2".into())
        );
        assert_eq!(parse_title(" \u{200B} "), Err(ResourceError::EmptyTitle));
        assert_eq!(
            parse_title(" \u{200B} \u{FEFF} "),
            Err(ResourceError::EmptyTitle)
        );
        assert_eq!(parse_title(&"x".repeat(100)), Ok("x".repeat(100)));
        assert_eq!(
            parse_title(&"x".repeat(101)),
            Err(ResourceError::TitleTooLong(101))
        );
    }

    #[test]
    fn links_are_web_urls_in_canonical_form() {
        assert_eq!(
            parse_link(" HTTPS://Example.com "),
            Ok("https://example.com/".into())
        );
        assert_eq!(
            parse_link("http://wiki.example.org/mentoring?x=1#top"),
            Ok("http://wiki.example.org/mentoring?x=1#top".into())
        );
        for bad in [
            "",
            "example.com",
            "www.example.com/guide",
            "not a link",
            "https://",
        ] {
            assert!(
                matches!(parse_link(bad), Err(ResourceError::NotALink(_))),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_link("javascript:alert(1)"),
            Err(ResourceError::NotWeb("javascript".into()))
        );
        assert_eq!(
            parse_link("ftp://files.example.com/a"),
            Err(ResourceError::NotWeb("ftp".into()))
        );
        let long = format!("https://example.com/{}", "a".repeat(300));
        assert!(matches!(
            parse_link(&long),
            Err(ResourceError::LinkTooLong(_))
        ));
    }

    #[test]
    fn a_reader_sees_what_is_for_everyone_and_for_their_roles() {
        use ResourceAudience::*;
        let mentor = Reader {
            mentor: true,
            ..Default::default()
        };
        let mentee = Reader {
            mentee: true,
            ..Default::default()
        };
        let moderator = Reader {
            moderator: true,
            ..Default::default()
        };
        assert_eq!(
            ResourceAudience::ALL.map(|a| mentor.sees(a)),
            [true, true, false]
        );
        assert_eq!(
            ResourceAudience::ALL.map(|a| mentee.sees(a)),
            [true, false, true]
        );
        assert_eq!(ResourceAudience::ALL.map(|a| moderator.sees(a)), [true; 3]);
        assert_eq!(
            ResourceAudience::ALL.map(|a| Reader::default().sees(a)),
            [true, false, false]
        );
        for a in [Everyone, Mentors, Mentees] {
            assert_eq!(a.as_str().parse(), Ok(a));
        }
        assert_eq!("admins".parse::<ResourceAudience>(), Err(()));
    }
}
