use crate::text::Key;
pub const EXPORT: Key = Key("mydata-export");
pub const CONFIRM_DELETE: Key = Key("mydata-confirm-delete");
pub const DELETE_YES: Key = Key("mydata-delete-yes");
pub const DELETE_NO: Key = Key("mydata-delete-no");
pub const KEPT: Key = Key("mydata-kept");
pub const ERASING: Key = Key("mydata-erasing");
pub const ERASED: Key = Key("mydata-erased");
/// "Erase my data" pressed again once erased (or by someone tandem knows nothing about).
pub const NOTHING_TO_ERASE: Key = Key("mydata-nothing-to-erase");
