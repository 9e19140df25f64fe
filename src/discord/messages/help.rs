use crate::text::Key;
pub const TITLE: Key = Key("help-title");
pub const INTRO: Key = Key("help-intro");
pub const FOR_EVERYONE: Key = Key("help-for-everyone");
pub const FOR_MODERATORS: Key = Key("help-for-moderators");
pub const FOR_ADMINS: Key = Key("help-for-admins");
pub const CONTINUED: Key = Key("help-continued");
pub const NOT_SET_UP: Key = Key("help-not-set-up");
pub const NOT_SET_UP_MEMBER: Key = Key("help-not-set-up-member");
