use crate::text::{t, Key, Locale};
pub const BAD_ARGUMENT: Key = Key("errors-bad-argument");
pub const GUILD_ONLY: Key = Key("errors-guild-only");
pub const NOT_ALLOWED: Key = Key("errors-not-allowed");
/// A button or form whose custom id tandem does not understand (an old message, or a
/// modified client).
pub const STALE_BUTTON: Key = Key("errors-stale-button");
pub const STALE_FORM: Key = Key("errors-stale-form");

pub fn internal(l: Locale, error_id: &str) -> String {
    t!(l, "errors-internal", error_id = error_id)
}
