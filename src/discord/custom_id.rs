//! Every custom id tandem puts on a button, select menu or form (modal), as one typed value.
//! An id carries its state (`mentor:approve:<user>`), so a button works after a restart and
//! needs no collector: every press comes through the global event handler, which parses the id
//! here and routes on the variant. Nothing else formats or matches custom id text.
//!
//! The wire formats are the ones tandem has always sent, including older forms still on
//! messages posted before an upgrade (`checkin:answer:<prompt>` without the reminder,
//! `pulse:score:<round>:<n>` without the member's occurrence): those keep working.

use std::fmt;

use super::access::Audience;
use super::messages;
use crate::domain::availability::Answer;
use crate::domain::member::Role;
use crate::text::Key;

/// Discord's limit on a custom id's length. Every id formatted here is shorter: its fields are
/// numbers of bounded width, and the only list in an id (`pairs:sel`) names at most
/// [`MAX_SELECTED`] indices of at most five digits (see the test of the longest ids).
pub const MAX_LEN: usize = 100;

/// Most proposals an "Approve selected" button names: one page of a matching preview (the menu
/// offers only that page's proposals). More are not formatted.
pub const MAX_SELECTED: usize = 10;

/// Where an id is used: on a message (button, select menu) or on a form. A form's id and the
/// button that opens it may read the same (`pair:survey:<pair>`); Discord says which it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Component,
    Form,
}

/// One custom id, with typed fields. `Display` gives its wire form, [`CustomId::parse`] reads
/// it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomId {
    /// `mentor:approve:<user>`; `…:list` on `/members`, where several share a message and the
    /// decision is answered privately.
    MentorApprove { applicant: u64, from_list: bool },
    /// `mentor:decline:<user>`, optionally `…:list`.
    MentorDecline { applicant: u64, from_list: bool },
    /// `withdraw:yes:<roles joined by +>:<user>`: one or both roles, for `owner` only.
    WithdrawYes { roles: Vec<Role>, owner: u64 },
    /// `withdraw:no:-:<user>`.
    WithdrawNo { owner: u64 },
    /// `mydata:erase:<user>`.
    MydataErase { owner: u64 },
    /// `mydata:keep:<user>`.
    MydataKeep { owner: u64 },
    /// `guide:read:<server>:<user>`: "I've read it" under the programme guide, for the mentor
    /// it was sent to. It names the server because it is pressed in a DM too, which has none.
    GuideRead { guild: u64, owner: u64 },
    /// `mentor:still:<server>:<user>:<question>:<yes|pause|back>` under the monthly "Still up
    /// for mentoring?" DM, for the mentor it was sent to; `question` is its occurrence.
    StillMentoring {
        guild: u64,
        owner: u64,
        ask: i64,
        answer: Answer,
    },
    /// `cycle:choose:<cycle>:<pair>:<continue|finish>` under the end-of-cycle question in a
    /// pair channel.
    CycleChoice { cycle: i64, pair: i64, finish: bool },
    /// `checkin:mood:<check-in>:<1-5>` under a check-in prompt.
    CheckinMood { checkin: i64, mood: u8 },
    /// `checkin:answer:<check-in>` under a prompt; under a reminder
    /// `checkin:answer:<check-in>:<reminder>` (the reminder's mark on Discord).
    CheckinAnswer { checkin: i64, reminder: Option<i64> },
    /// `pulse:score:<round>:<1-5>:<asked>`, `asked` the member's own occurrence (the
    /// question's mark on Discord); questions sent before it existed lack it.
    PulseScore {
        round: i64,
        score: u8,
        asked: Option<i64>,
    },
    /// `pulse:comment:<round>`: opens the comment form.
    PulseComment { round: i64 },
    /// `pair:survey:<pair>`: opens the exit survey.
    Survey { pair: i64 },
    /// `pair:repair:<pair>`: a moderator ends the pair as not a good fit.
    Repair { pair: i64 },
    /// `pairs:page:<suggestion>:<page>` on a matching preview.
    SuggestPage { suggestion: i64, page: u32 },
    /// `pairs:pick:<suggestion>:<page>`: the select menu of a preview page.
    SuggestPick { suggestion: i64, page: u32 },
    /// `pairs:all:<suggestion>`.
    SuggestAll { suggestion: i64 },
    /// `pairs:sel:<suggestion>:<i.j.k>`: the chosen proposals (indices into the preview, at
    /// most [`MAX_SELECTED`] of them; the list may be empty on a disabled button).
    SuggestSelected { suggestion: i64, chosen: Vec<u16> },
    /// `pairs:discard:<suggestion>`.
    SuggestDiscard { suggestion: i64 },
    /// The exit survey form, `pair:survey:<pair>`.
    SurveyForm { pair: i64 },
    /// The check-in form, `checkin:modal:<check-in>`.
    CheckinForm { checkin: i64 },
    /// The pulse comment form, `pulse:modal:<round>`.
    PulseForm { round: i64 },
    /// `report:open:<pair>` ("Report a problem" in a pair channel; `0` for none): opens the
    /// report form, for whoever presses it.
    ReportOpen { pair: i64 },
    /// `report:ack:<report>` under a report in the moderators' channel.
    ReportAck { report: i64 },
    /// The report form, `report:form:<pair>` (`0`: not about a pair).
    ReportForm { pair: i64 },
    /// `mentor:apply:<user>`: opens the server's application questions, for the applicant.
    MentorApply { owner: u64 },
    /// The application questions form, `mentor:answers:<user>`.
    MentorAnswers { applicant: u64 },
    /// The form behind Decline, `mentor:decline:<user>` (optionally `…:list`): an optional
    /// reason the applicant receives.
    MentorDeclineForm { applicant: u64, from_list: bool },
}

// Each route's name: the first two parts of its ids, written once.
const MENTOR_APPROVE: &str = "mentor:approve";
const MENTOR_DECLINE: &str = "mentor:decline";
const WITHDRAW_YES: &str = "withdraw:yes";
const WITHDRAW_NO: &str = "withdraw:no";
const MYDATA_ERASE: &str = "mydata:erase";
const MYDATA_KEEP: &str = "mydata:keep";
const GUIDE_READ: &str = "guide:read";
const MENTOR_STILL: &str = "mentor:still";
const CYCLE_CHOOSE: &str = "cycle:choose";
const CHECKIN_MOOD: &str = "checkin:mood";
const CHECKIN_ANSWER: &str = "checkin:answer";
const PULSE_SCORE: &str = "pulse:score";
const PULSE_COMMENT: &str = "pulse:comment";
const PAIR_SURVEY: &str = "pair:survey";
const PAIR_REPAIR: &str = "pair:repair";
const PAIRS_PAGE: &str = "pairs:page";
const PAIRS_PICK: &str = "pairs:pick";
const PAIRS_ALL: &str = "pairs:all";
const PAIRS_SEL: &str = "pairs:sel";
const PAIRS_DISCARD: &str = "pairs:discard";
const CHECKIN_MODAL: &str = "checkin:modal";
const PULSE_MODAL: &str = "pulse:modal";
const REPORT_OPEN: &str = "report:open";
const REPORT_ACK: &str = "report:ack";
const REPORT_FORM: &str = "report:form";
const MENTOR_APPLY: &str = "mentor:apply";
const MENTOR_ANSWERS: &str = "mentor:answers";

/// Every kind of button and menu tandem sends, by route (the first two parts of its id). The
/// latency sweep requires each to be acknowledged in time; a unit test checks this list
/// against the variants.
pub const BUTTON_ROUTES: &[&str] = &[
    MENTOR_APPROVE,
    MENTOR_DECLINE,
    WITHDRAW_YES,
    WITHDRAW_NO,
    MYDATA_ERASE,
    MYDATA_KEEP,
    GUIDE_READ,
    MENTOR_STILL,
    CYCLE_CHOOSE,
    CHECKIN_MOOD,
    CHECKIN_ANSWER,
    PULSE_SCORE,
    PULSE_COMMENT,
    PAIR_SURVEY,
    PAIR_REPAIR,
    PAIRS_PAGE,
    PAIRS_PICK,
    PAIRS_DISCARD,
    PAIRS_ALL,
    PAIRS_SEL,
    REPORT_OPEN,
    REPORT_ACK,
    MENTOR_APPLY,
];

/// Every kind of form (modal) tandem opens, likewise.
pub const FORM_ROUTES: &[&str] = &[
    PAIR_SURVEY,
    CHECKIN_MODAL,
    PULSE_MODAL,
    REPORT_FORM,
    MENTOR_ANSWERS,
    MENTOR_DECLINE,
];

/// Why a custom id was not understood (for the log; the person hears one plain sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("longer than Discord allows")]
    TooLong,
    #[error("no such route")]
    UnknownRoute,
    #[error("malformed {0} id")]
    Malformed(&'static str),
}

/// The listed route a custom id belongs to, if it is a well-formed id of one of `routes`.
pub fn route_of(custom_id: &str, routes: &[&'static str]) -> Option<&'static str> {
    [Surface::Component, Surface::Form]
        .into_iter()
        .filter_map(|s| CustomId::parse(s, custom_id).ok())
        .map(|id| id.route())
        .find(|r| routes.contains(r))
}

/// A custom id as it may appear in a log line: at most [`MAX_LEN`] characters, escaped (a
/// modified client can send anything).
pub fn for_log(raw: &str) -> String {
    let mut shown: String = raw.chars().take(MAX_LEN).collect();
    if shown.len() < raw.len() {
        shown.push('…');
    }
    format!("{shown:?}")
}

impl CustomId {
    /// The route: the first two parts of the id.
    pub fn route(&self) -> &'static str {
        use CustomId as C;
        match self {
            C::MentorApprove { .. } => MENTOR_APPROVE,
            C::MentorDecline { .. } | C::MentorDeclineForm { .. } => MENTOR_DECLINE,
            C::WithdrawYes { .. } => WITHDRAW_YES,
            C::WithdrawNo { .. } => WITHDRAW_NO,
            C::MydataErase { .. } => MYDATA_ERASE,
            C::MydataKeep { .. } => MYDATA_KEEP,
            C::GuideRead { .. } => GUIDE_READ,
            C::StillMentoring { .. } => MENTOR_STILL,
            C::CycleChoice { .. } => CYCLE_CHOOSE,
            C::CheckinMood { .. } => CHECKIN_MOOD,
            C::CheckinAnswer { .. } => CHECKIN_ANSWER,
            C::PulseScore { .. } => PULSE_SCORE,
            C::PulseComment { .. } => PULSE_COMMENT,
            C::Survey { .. } | C::SurveyForm { .. } => PAIR_SURVEY,
            C::Repair { .. } => PAIR_REPAIR,
            C::SuggestPage { .. } => PAIRS_PAGE,
            C::SuggestPick { .. } => PAIRS_PICK,
            C::SuggestAll { .. } => PAIRS_ALL,
            C::SuggestSelected { .. } => PAIRS_SEL,
            C::SuggestDiscard { .. } => PAIRS_DISCARD,
            C::CheckinForm { .. } => CHECKIN_MODAL,
            C::PulseForm { .. } => PULSE_MODAL,
            C::ReportOpen { .. } => REPORT_OPEN,
            C::ReportAck { .. } => REPORT_ACK,
            C::ReportForm { .. } => REPORT_FORM,
            C::MentorApply { .. } => MENTOR_APPLY,
            C::MentorAnswers { .. } => MENTOR_ANSWERS,
        }
    }

    pub fn surface(&self) -> Surface {
        use CustomId as C;
        match self {
            C::SurveyForm { .. }
            | C::CheckinForm { .. }
            | C::PulseForm { .. }
            | C::ReportForm { .. }
            | C::MentorAnswers { .. }
            | C::MentorDeclineForm { .. } => Surface::Form,
            _ => Surface::Component,
        }
    }

    /// Who may press it, checked before it is routed. Buttons on check-ins, pulse questions
    /// and surveys are for the people they were sent to; their handlers look that up (it needs
    /// the occurrence or pair the id names).
    pub fn audience(&self) -> Audience {
        use CustomId as C;
        match self {
            C::MentorApprove { .. }
            | C::MentorDecline { .. }
            | C::Repair { .. }
            | C::SuggestPage { .. }
            | C::SuggestPick { .. }
            | C::SuggestAll { .. }
            | C::SuggestSelected { .. }
            | C::SuggestDiscard { .. }
            | C::ReportAck { .. }
            | C::MentorDeclineForm { .. } => Audience::Moderator,
            _ => Audience::Everyone,
        }
    }

    /// What someone outside [`CustomId::audience`] is told.
    pub fn refusal(&self) -> Key {
        match self {
            CustomId::MentorApprove { .. }
            | CustomId::MentorDecline { .. }
            | CustomId::MentorDeclineForm { .. } => messages::members::ONLY_MODERATORS_DECIDE,
            CustomId::ReportAck { .. } => messages::reports::ONLY_MODERATORS,
            _ => messages::pairs::ONLY_MODERATORS,
        }
    }

    /// The only person a confirmation button acts for (the one who asked).
    pub fn owner(&self) -> Option<u64> {
        match self {
            CustomId::WithdrawYes { owner, .. }
            | CustomId::WithdrawNo { owner }
            | CustomId::MydataErase { owner }
            | CustomId::MydataKeep { owner }
            | CustomId::MentorApply { owner }
            | CustomId::GuideRead { owner, .. }
            | CustomId::StillMentoring { owner, .. } => Some(*owner),
            _ => None,
        }
    }

    /// Reads an id sent on `surface`. Anything tandem did not format (an unknown route, a
    /// malformed number, a score outside 1–5, a text longer than Discord allows) is an error.
    pub fn parse(surface: Surface, text: &str) -> Result<CustomId, ParseError> {
        if text.len() > MAX_LEN {
            return Err(ParseError::TooLong);
        }
        let parts: Vec<&str> = text.split(':').collect();
        let [kind, action, args @ ..] = parts.as_slice() else {
            return Err(ParseError::UnknownRoute);
        };
        let routes = match surface {
            Surface::Component => BUTTON_ROUTES,
            Surface::Form => FORM_ROUTES,
        };
        let route = routes
            .iter()
            .copied()
            .find(|r| r.split_once(':') == Some((*kind, *action)))
            .ok_or(ParseError::UnknownRoute)?;
        parse_args(surface, route, args).ok_or(ParseError::Malformed(route))
    }
}

fn num<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.parse().ok()
}

/// A mood or pulse score: 1 to 5.
fn score(text: &str) -> Option<u8> {
    num(text).filter(|n| (1..=5).contains(n))
}

/// `mentor`, `mentee`, or both joined by `+` (either order), never the same twice.
fn roles(text: &str) -> Option<Vec<Role>> {
    let roles: Vec<Role> = text
        .split('+')
        .map(|r| r.parse().ok())
        .collect::<Option<_>>()?;
    let distinct = roles.len() < 2 || roles[0] != roles[1];
    (roles.len() <= Role::ALL.len() && distinct).then_some(roles)
}

/// `i.j.k`, or nothing.
fn indices(text: &str) -> Option<Vec<u16>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let list: Vec<u16> = text.split('.').map(num).collect::<Option<_>>()?;
    (list.len() <= MAX_SELECTED).then_some(list)
}

fn parse_args(surface: Surface, route: &str, args: &[&str]) -> Option<CustomId> {
    use CustomId as C;
    use Surface::{Component, Form};
    Some(match (surface, route, args) {
        (Component, MENTOR_APPROVE | MENTOR_DECLINE, [user, rest @ ..]) => {
            let applicant = num(user)?;
            let from_list = match rest {
                [] => false,
                ["list"] => true,
                _ => return None,
            };
            if route == MENTOR_APPROVE {
                C::MentorApprove {
                    applicant,
                    from_list,
                }
            } else {
                C::MentorDecline {
                    applicant,
                    from_list,
                }
            }
        }
        (Component, WITHDRAW_YES, [list, user]) => C::WithdrawYes {
            roles: roles(list)?,
            owner: num(user)?,
        },
        (Component, WITHDRAW_NO, ["-", user]) => C::WithdrawNo { owner: num(user)? },
        (Component, MYDATA_ERASE, [user]) => C::MydataErase { owner: num(user)? },
        (Component, MYDATA_KEEP, [user]) => C::MydataKeep { owner: num(user)? },
        (Component, GUIDE_READ, [guild, user]) => C::GuideRead {
            guild: num(guild)?,
            owner: num(user)?,
        },
        (Component, MENTOR_STILL, [guild, user, ask, answer]) => C::StillMentoring {
            guild: num(guild)?,
            owner: num(user)?,
            ask: num(ask)?,
            answer: answer.parse().ok()?,
        },
        (Component, CYCLE_CHOOSE, [cycle, pair, choice]) => C::CycleChoice {
            cycle: num(cycle)?,
            pair: num(pair)?,
            finish: match *choice {
                "continue" => false,
                "finish" => true,
                _ => return None,
            },
        },
        (Component, CHECKIN_MOOD, [id, mood]) => C::CheckinMood {
            checkin: num(id)?,
            mood: score(mood)?,
        },
        (Component, CHECKIN_ANSWER, [id]) => C::CheckinAnswer {
            checkin: num(id)?,
            reminder: None,
        },
        (Component, CHECKIN_ANSWER, [id, reminder]) => C::CheckinAnswer {
            checkin: num(id)?,
            reminder: Some(num(reminder)?),
        },
        (Component, PULSE_SCORE, [round, n]) => C::PulseScore {
            round: num(round)?,
            score: score(n)?,
            asked: None,
        },
        (Component, PULSE_SCORE, [round, n, asked]) => C::PulseScore {
            round: num(round)?,
            score: score(n)?,
            asked: Some(num(asked)?),
        },
        (Component, PULSE_COMMENT, [round]) => C::PulseComment { round: num(round)? },
        (Component, PAIR_SURVEY, [pair]) => C::Survey { pair: num(pair)? },
        (Component, PAIR_REPAIR, [pair]) => C::Repair { pair: num(pair)? },
        (Component, PAIRS_PAGE, [id, page]) => C::SuggestPage {
            suggestion: num(id)?,
            page: num(page)?,
        },
        (Component, PAIRS_PICK, [id, page]) => C::SuggestPick {
            suggestion: num(id)?,
            page: num(page)?,
        },
        (Component, PAIRS_ALL, [id]) => C::SuggestAll {
            suggestion: num(id)?,
        },
        (Component, PAIRS_SEL, [id, list]) => C::SuggestSelected {
            suggestion: num(id)?,
            chosen: indices(list)?,
        },
        (Component, PAIRS_DISCARD, [id]) => C::SuggestDiscard {
            suggestion: num(id)?,
        },
        (Form, PAIR_SURVEY, [pair]) => C::SurveyForm { pair: num(pair)? },
        (Form, CHECKIN_MODAL, [id]) => C::CheckinForm { checkin: num(id)? },
        (Form, PULSE_MODAL, [round]) => C::PulseForm { round: num(round)? },
        (Component, REPORT_OPEN, [pair]) => C::ReportOpen { pair: num(pair)? },
        (Component, REPORT_ACK, [report]) => C::ReportAck {
            report: num(report)?,
        },
        (Form, REPORT_FORM, [pair]) => C::ReportForm { pair: num(pair)? },
        (Component, MENTOR_APPLY, [user]) => C::MentorApply { owner: num(user)? },
        (Form, MENTOR_ANSWERS, [user]) => C::MentorAnswers {
            applicant: num(user)?,
        },
        (Form, MENTOR_DECLINE, [user, rest @ ..]) => C::MentorDeclineForm {
            applicant: num(user)?,
            from_list: match rest {
                [] => false,
                ["list"] => true,
                _ => return None,
            },
        },
        _ => return None,
    })
}

impl fmt::Display for CustomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use CustomId as C;
        let route = self.route();
        match self {
            C::MentorApprove {
                applicant,
                from_list,
            }
            | C::MentorDecline {
                applicant,
                from_list,
            }
            | C::MentorDeclineForm {
                applicant,
                from_list,
            } => {
                let list = if *from_list { ":list" } else { "" };
                write!(f, "{route}:{applicant}{list}")
            }
            C::WithdrawYes { roles, owner } => {
                let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
                write!(f, "{route}:{}:{owner}", names.join("+"))
            }
            C::WithdrawNo { owner } => write!(f, "{route}:-:{owner}"),
            C::MydataErase { owner } | C::MydataKeep { owner } => write!(f, "{route}:{owner}"),
            C::GuideRead { guild, owner } => write!(f, "{route}:{guild}:{owner}"),
            C::StillMentoring {
                guild,
                owner,
                ask,
                answer,
            } => write!(f, "{route}:{guild}:{owner}:{ask}:{answer}"),
            C::CycleChoice {
                cycle,
                pair,
                finish,
            } => {
                let choice = if *finish { "finish" } else { "continue" };
                write!(f, "{route}:{cycle}:{pair}:{choice}")
            }
            C::CheckinMood { checkin, mood } => write!(f, "{route}:{checkin}:{mood}"),
            C::CheckinAnswer { checkin, reminder } => match reminder {
                None => write!(f, "{route}:{checkin}"),
                Some(reminder) => write!(f, "{route}:{checkin}:{reminder}"),
            },
            C::PulseScore {
                round,
                score,
                asked,
            } => match asked {
                None => write!(f, "{route}:{round}:{score}"),
                Some(asked) => write!(f, "{route}:{round}:{score}:{asked}"),
            },
            C::PulseComment { round } | C::PulseForm { round } => write!(f, "{route}:{round}"),
            C::Survey { pair } | C::Repair { pair } | C::SurveyForm { pair } => {
                write!(f, "{route}:{pair}")
            }
            C::SuggestPage { suggestion, page } | C::SuggestPick { suggestion, page } => {
                write!(f, "{route}:{suggestion}:{page}")
            }
            C::SuggestAll { suggestion } | C::SuggestDiscard { suggestion } => {
                write!(f, "{route}:{suggestion}")
            }
            C::SuggestSelected { suggestion, chosen } => {
                let list: Vec<String> = chosen
                    .iter()
                    .take(MAX_SELECTED)
                    .map(u16::to_string)
                    .collect();
                write!(f, "{route}:{suggestion}:{}", list.join("."))
            }
            C::CheckinForm { checkin } => write!(f, "{route}:{checkin}"),
            C::ReportOpen { pair } | C::ReportForm { pair } => write!(f, "{route}:{pair}"),
            C::ReportAck { report } => write!(f, "{route}:{report}"),
            C::MentorApply { owner } => write!(f, "{route}:{owner}"),
            C::MentorAnswers { applicant } => write!(f, "{route}:{applicant}"),
        }
    }
}

impl From<CustomId> for String {
    fn from(id: CustomId) -> String {
        id.to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use CustomId as C;

    /// One id of every variant (the routes test below fails when a route has none).
    fn one_of_each() -> Vec<CustomId> {
        vec![
            C::MentorApprove {
                applicant: 11,
                from_list: false,
            },
            C::MentorApprove {
                applicant: 11,
                from_list: true,
            },
            C::MentorDecline {
                applicant: 12,
                from_list: false,
            },
            C::MentorDecline {
                applicant: 12,
                from_list: true,
            },
            C::WithdrawYes {
                roles: vec![Role::Mentor, Role::Mentee],
                owner: 13,
            },
            C::WithdrawYes {
                roles: vec![Role::Mentee],
                owner: 13,
            },
            C::WithdrawNo { owner: 13 },
            C::MydataErase { owner: 14 },
            C::MydataKeep { owner: 14 },
            C::GuideRead {
                guild: 21,
                owner: 14,
            },
            C::StillMentoring {
                guild: 21,
                owner: 14,
                ask: 30,
                answer: Answer::PauseMonth,
            },
            C::CycleChoice {
                cycle: 2,
                pair: 9,
                finish: true,
            },
            C::CycleChoice {
                cycle: 2,
                pair: 9,
                finish: false,
            },
            C::CheckinMood {
                checkin: 15,
                mood: 3,
            },
            C::CheckinAnswer {
                checkin: 15,
                reminder: None,
            },
            C::CheckinAnswer {
                checkin: 15,
                reminder: Some(16),
            },
            C::PulseScore {
                round: 17,
                score: 5,
                asked: None,
            },
            C::PulseScore {
                round: 17,
                score: 1,
                asked: Some(18),
            },
            C::PulseComment { round: 17 },
            C::Survey { pair: 19 },
            C::Repair { pair: 19 },
            C::SuggestPage {
                suggestion: 20,
                page: 2,
            },
            C::SuggestPick {
                suggestion: 20,
                page: 0,
            },
            C::SuggestAll { suggestion: 20 },
            C::SuggestSelected {
                suggestion: 20,
                chosen: vec![1, 4, 9],
            },
            C::SuggestSelected {
                suggestion: 20,
                chosen: vec![],
            },
            C::SuggestDiscard { suggestion: 20 },
            C::SurveyForm { pair: 19 },
            C::CheckinForm { checkin: 15 },
            C::PulseForm { round: 17 },
            C::ReportOpen { pair: 19 },
            C::ReportOpen { pair: 0 },
            C::ReportAck { report: 21 },
            C::ReportForm { pair: 19 },
            C::MentorApply { owner: 22 },
            C::MentorAnswers { applicant: 22 },
            C::MentorDeclineForm {
                applicant: 12,
                from_list: false,
            },
            C::MentorDeclineForm {
                applicant: 12,
                from_list: true,
            },
        ]
    }

    #[test]
    fn every_variant_reads_back_as_itself() {
        for id in one_of_each() {
            let text = id.to_string();
            assert_eq!(
                CustomId::parse(id.surface(), &text),
                Ok(id.clone()),
                "{text}"
            );
            assert_eq!(
                route_of(&text, BUTTON_ROUTES).or(route_of(&text, FORM_ROUTES)),
                Some(id.route())
            );
        }
    }

    #[test]
    fn the_wire_formats_are_the_ones_already_on_posted_messages() {
        let cases: &[(Surface, &str, CustomId)] = &[
            (
                Surface::Component,
                "mentor:approve:42",
                C::MentorApprove {
                    applicant: 42,
                    from_list: false,
                },
            ),
            (
                Surface::Component,
                "mentor:decline:42:list",
                C::MentorDecline {
                    applicant: 42,
                    from_list: true,
                },
            ),
            (
                Surface::Component,
                "withdraw:yes:mentor+mentee:7",
                C::WithdrawYes {
                    roles: vec![Role::Mentor, Role::Mentee],
                    owner: 7,
                },
            ),
            (
                Surface::Component,
                "withdraw:yes:mentee:7",
                C::WithdrawYes {
                    roles: vec![Role::Mentee],
                    owner: 7,
                },
            ),
            (
                Surface::Component,
                "withdraw:no:-:7",
                C::WithdrawNo { owner: 7 },
            ),
            (
                Surface::Component,
                "mydata:erase:7",
                C::MydataErase { owner: 7 },
            ),
            (
                Surface::Component,
                "mydata:keep:7",
                C::MydataKeep { owner: 7 },
            ),
            (
                Surface::Component,
                "guide:read:3:7",
                C::GuideRead { guild: 3, owner: 7 },
            ),
            (
                Surface::Component,
                "checkin:mood:5:2",
                C::CheckinMood {
                    checkin: 5,
                    mood: 2,
                },
            ),
            (
                Surface::Component,
                "checkin:answer:5",
                C::CheckinAnswer {
                    checkin: 5,
                    reminder: None,
                },
            ),
            (
                Surface::Component,
                "checkin:answer:5:9",
                C::CheckinAnswer {
                    checkin: 5,
                    reminder: Some(9),
                },
            ),
            (
                Surface::Component,
                "pulse:score:3:4",
                C::PulseScore {
                    round: 3,
                    score: 4,
                    asked: None,
                },
            ),
            (
                Surface::Component,
                "pulse:score:3:4:8",
                C::PulseScore {
                    round: 3,
                    score: 4,
                    asked: Some(8),
                },
            ),
            (
                Surface::Component,
                "pulse:comment:3",
                C::PulseComment { round: 3 },
            ),
            (Surface::Component, "pair:survey:6", C::Survey { pair: 6 }),
            (Surface::Component, "pair:repair:6", C::Repair { pair: 6 }),
            (
                Surface::Component,
                "pairs:page:2:1",
                C::SuggestPage {
                    suggestion: 2,
                    page: 1,
                },
            ),
            (
                Surface::Component,
                "pairs:pick:2:0",
                C::SuggestPick {
                    suggestion: 2,
                    page: 0,
                },
            ),
            (
                Surface::Component,
                "pairs:all:2",
                C::SuggestAll { suggestion: 2 },
            ),
            (
                Surface::Component,
                "pairs:sel:2:0.3.11",
                C::SuggestSelected {
                    suggestion: 2,
                    chosen: vec![0, 3, 11],
                },
            ),
            (
                Surface::Component,
                "pairs:sel:2:",
                C::SuggestSelected {
                    suggestion: 2,
                    chosen: vec![],
                },
            ),
            (
                Surface::Component,
                "pairs:discard:2",
                C::SuggestDiscard { suggestion: 2 },
            ),
            (Surface::Form, "pair:survey:6", C::SurveyForm { pair: 6 }),
            (
                Surface::Form,
                "checkin:modal:5",
                C::CheckinForm { checkin: 5 },
            ),
            (Surface::Form, "pulse:modal:3", C::PulseForm { round: 3 }),
        ];
        for (surface, text, id) in cases {
            assert_eq!(CustomId::parse(*surface, text).as_ref(), Ok(id), "{text}");
            assert_eq!(&id.to_string(), text);
        }
        // An older message's roles in the other order still work.
        assert_eq!(
            CustomId::parse(Surface::Component, "withdraw:yes:mentee+mentor:7"),
            Ok(C::WithdrawYes {
                roles: vec![Role::Mentee, Role::Mentor],
                owner: 7
            })
        );
    }

    #[test]
    fn what_tandem_never_formats_is_refused() {
        use ParseError::*;
        let component = [
            ("", UnknownRoute),
            ("mentor", UnknownRoute),
            ("nonsense:button:1", UnknownRoute),
            ("checkin:modal:1", UnknownRoute),
            ("mentor:approve:", Malformed(MENTOR_APPROVE)),
            ("mentor:approve:abc", Malformed(MENTOR_APPROVE)),
            ("mentor:approve:1:lists", Malformed(MENTOR_APPROVE)),
            ("mentor:approve:-1", Malformed(MENTOR_APPROVE)),
            ("withdraw:yes::1", Malformed(WITHDRAW_YES)),
            ("withdraw:yes:mentor+mentor:1", Malformed(WITHDRAW_YES)),
            ("withdraw:yes:admin:1", Malformed(WITHDRAW_YES)),
            ("withdraw:no:mentor:1", Malformed(WITHDRAW_NO)),
            ("guide:read:7", Malformed(GUIDE_READ)),
            ("guide:read:3:7:8", Malformed(GUIDE_READ)),
            ("guide:read:x:7", Malformed(GUIDE_READ)),
            ("mentor:still:3:7:9:maybe", Malformed(MENTOR_STILL)),
            ("mentor:still:3:7:yes", Malformed(MENTOR_STILL)),
            ("mentor:still:3:7:9:Yes", Malformed(MENTOR_STILL)),
            ("cycle:choose:1:2:maybe", Malformed(CYCLE_CHOOSE)),
            ("cycle:choose:1:2", Malformed(CYCLE_CHOOSE)),
            ("checkin:mood:1:0", Malformed(CHECKIN_MOOD)),
            ("checkin:mood:1:6", Malformed(CHECKIN_MOOD)),
            ("checkin:mood:1:256", Malformed(CHECKIN_MOOD)),
            ("checkin:answer:1:2:3", Malformed(CHECKIN_ANSWER)),
            ("pulse:score:1", Malformed(PULSE_SCORE)),
            ("pulse:score:99999999999999999999:1", Malformed(PULSE_SCORE)),
            ("pairs:sel:1:1..2", Malformed(PAIRS_SEL)),
            ("pairs:sel:1:70000", Malformed(PAIRS_SEL)),
            ("pairs:sel:1:0.1.2.3.4.5.6.7.8.9.10", Malformed(PAIRS_SEL)),
            ("pairs:page:1:-1", Malformed(PAIRS_PAGE)),
        ];
        for (text, why) in component {
            assert_eq!(
                CustomId::parse(Surface::Component, text),
                Err(why),
                "{text}"
            );
        }
        assert_eq!(
            CustomId::parse(Surface::Form, "pair:repair:1"),
            Err(UnknownRoute)
        );
        assert_eq!(
            CustomId::parse(Surface::Form, "pulse:modal:x"),
            Err(Malformed(PULSE_MODAL))
        );
        let long = format!("pairs:all:{}", "1".repeat(MAX_LEN));
        assert_eq!(CustomId::parse(Surface::Component, &long), Err(TooLong));
    }

    #[test]
    fn every_variant_has_a_listed_route_and_every_listed_route_a_variant() {
        let of = |surface| -> BTreeSet<&'static str> {
            one_of_each()
                .iter()
                .filter(|id| id.surface() == surface)
                .map(CustomId::route)
                .collect()
        };
        let listed = |routes: &[&'static str]| routes.iter().copied().collect::<BTreeSet<_>>();
        assert_eq!(of(Surface::Component), listed(BUTTON_ROUTES));
        assert_eq!(of(Surface::Form), listed(FORM_ROUTES));
        assert_eq!(
            BUTTON_ROUTES.len(),
            listed(BUTTON_ROUTES).len(),
            "listed twice"
        );
        // A variant's route is its id's first two parts.
        for id in one_of_each() {
            assert!(
                id.to_string().starts_with(&format!("{}:", id.route())),
                "{id}"
            );
        }
    }

    #[test]
    fn the_longest_ids_fit_discords_limit() {
        let (user, big) = (u64::MAX, i64::MIN);
        let longest = [
            C::MentorApprove {
                applicant: user,
                from_list: true,
            },
            C::WithdrawYes {
                roles: Role::ALL.to_vec(),
                owner: user,
            },
            C::WithdrawNo { owner: user },
            C::MydataErase { owner: user },
            C::GuideRead {
                guild: user,
                owner: user,
            },
            C::StillMentoring {
                guild: user,
                owner: user,
                ask: big,
                answer: Answer::PauseMonth,
            },
            C::CycleChoice {
                cycle: big,
                pair: big,
                finish: false,
            },
            C::CheckinMood {
                checkin: big,
                mood: 5,
            },
            C::CheckinAnswer {
                checkin: big,
                reminder: Some(big),
            },
            C::PulseScore {
                round: big,
                score: 5,
                asked: Some(big),
            },
            C::SuggestPage {
                suggestion: big,
                page: u32::MAX,
            },
            C::SuggestPick {
                suggestion: big,
                page: u32::MAX,
            },
            C::SuggestDiscard { suggestion: big },
            C::SuggestSelected {
                suggestion: big,
                chosen: vec![u16::MAX; MAX_SELECTED],
            },
            C::CheckinForm { checkin: big },
        ];
        for id in longest {
            let text = id.to_string();
            assert!(text.len() <= MAX_LEN, "{} characters: {text}", text.len());
            assert_eq!(CustomId::parse(id.surface(), &text), Ok(id));
        }
        // More indices than a page holds are not formatted.
        let many = C::SuggestSelected {
            suggestion: big,
            chosen: vec![u16::MAX; 40],
        };
        assert!(many.to_string().len() <= MAX_LEN);
    }

    #[test]
    fn moderator_buttons_and_owner_buttons_say_so() {
        for id in one_of_each() {
            let moderators = matches!(id.route().split(':').next(), Some("pairs"))
                || [MENTOR_APPROVE, MENTOR_DECLINE, PAIR_REPAIR, REPORT_ACK].contains(&id.route());
            assert_eq!(id.audience() == Audience::Moderator, moderators, "{id}");
            let owned = matches!(
                id.route().split(':').next(),
                Some("withdraw" | "mydata" | "guide")
            ) || [MENTOR_APPLY, MENTOR_STILL].contains(&id.route());
            assert_eq!(id.owner().is_some(), owned, "{id}");
        }
    }

    #[test]
    fn a_logged_id_is_short_and_escaped() {
        let shown = for_log(&format!("x\n{}", "y".repeat(500)));
        assert!(shown.chars().count() < MAX_LEN + 10, "{shown}");
        assert!(shown.contains("\\n") && shown.ends_with("…\""), "{shown}");
    }

    fn any_id() -> impl Strategy<Value = CustomId> {
        let roles = prop_oneof![
            Just(vec![Role::Mentor]),
            Just(vec![Role::Mentee]),
            Just(vec![Role::Mentor, Role::Mentee]),
            Just(vec![Role::Mentee, Role::Mentor]),
        ];
        let score = 1u8..=5;
        prop_oneof![
            (any::<u64>(), any::<bool>()).prop_map(|(applicant, from_list)| C::MentorApprove {
                applicant,
                from_list
            }),
            (any::<u64>(), any::<bool>()).prop_map(|(applicant, from_list)| C::MentorDecline {
                applicant,
                from_list
            }),
            (roles, any::<u64>()).prop_map(|(roles, owner)| C::WithdrawYes { roles, owner }),
            any::<u64>().prop_map(|owner| C::WithdrawNo { owner }),
            any::<u64>().prop_map(|owner| C::MydataErase { owner }),
            any::<u64>().prop_map(|owner| C::MydataKeep { owner }),
            (any::<u64>(), any::<u64>()).prop_map(|(guild, owner)| C::GuideRead { guild, owner }),
            (
                any::<u64>(),
                any::<u64>(),
                any::<i64>(),
                prop_oneof![
                    Just(Answer::Yes),
                    Just(Answer::PauseMonth),
                    Just(Answer::StepBack)
                ]
            )
                .prop_map(|(guild, owner, ask, answer)| C::StillMentoring {
                    guild,
                    owner,
                    ask,
                    answer
                }),
            (any::<i64>(), any::<i64>(), any::<bool>()).prop_map(|(cycle, pair, finish)| {
                C::CycleChoice {
                    cycle,
                    pair,
                    finish,
                }
            }),
            (any::<i64>(), score.clone())
                .prop_map(|(checkin, mood)| C::CheckinMood { checkin, mood }),
            (any::<i64>(), any::<Option<i64>>())
                .prop_map(|(checkin, reminder)| C::CheckinAnswer { checkin, reminder }),
            (any::<i64>(), score, any::<Option<i64>>()).prop_map(|(round, score, asked)| {
                C::PulseScore {
                    round,
                    score,
                    asked,
                }
            }),
            any::<i64>().prop_map(|round| C::PulseComment { round }),
            any::<i64>().prop_map(|pair| C::Survey { pair }),
            any::<i64>().prop_map(|pair| C::Repair { pair }),
            (any::<i64>(), any::<u32>())
                .prop_map(|(suggestion, page)| C::SuggestPage { suggestion, page }),
            (any::<i64>(), any::<u32>())
                .prop_map(|(suggestion, page)| C::SuggestPick { suggestion, page }),
            any::<i64>().prop_map(|suggestion| C::SuggestAll { suggestion }),
            (
                any::<i64>(),
                prop::collection::vec(any::<u16>(), 0..=MAX_SELECTED)
            )
                .prop_map(|(suggestion, chosen)| C::SuggestSelected { suggestion, chosen }),
            any::<i64>().prop_map(|suggestion| C::SuggestDiscard { suggestion }),
            any::<i64>().prop_map(|pair| C::SurveyForm { pair }),
            any::<i64>().prop_map(|checkin| C::CheckinForm { checkin }),
            any::<i64>().prop_map(|round| C::PulseForm { round }),
        ]
    }

    /// Any text, and text that starts like an id and then goes wrong.
    fn sent() -> impl Strategy<Value = String> {
        let route = prop::sample::select(
            BUTTON_ROUTES
                .iter()
                .chain(FORM_ROUTES)
                .copied()
                .collect::<Vec<_>>(),
        );
        prop_oneof![
            any::<String>(),
            "[a-z:]{0,20}",
            (route, "(:[-+.0-9a-z]{0,22}){0,5}").prop_map(|(r, tail)| format!("{r}{tail}")),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn parsing_any_text_never_panics(text in sent()) {
            for surface in [Surface::Component, Surface::Form] {
                if let Ok(id) = CustomId::parse(surface, &text) {
                    // Whatever is accepted is an id tandem could have sent.
                    prop_assert_eq!(id.surface(), surface);
                    prop_assert_eq!(CustomId::parse(surface, &id.to_string()), Ok(id));
                }
            }
            let _ = route_of(&text, BUTTON_ROUTES);
        }

        #[test]
        fn every_id_reads_back_as_itself_and_fits(id in any_id()) {
            let text = id.to_string();
            prop_assert!(text.len() <= MAX_LEN, "{} characters: {}", text.len(), text);
            prop_assert_eq!(CustomId::parse(id.surface(), &text), Ok(id.clone()));
            let routes = match id.surface() {
                Surface::Component => BUTTON_ROUTES,
                Surface::Form => FORM_ROUTES,
            };
            prop_assert_eq!(route_of(&text, routes), Some(id.route()));
        }
    }
}
