//! Slash commands, one file per feature.

mod help;
mod setup;

use super::{Data, Error};

/// Every command tandem registers. Each command's `category` names its audience
/// ("Everyone", "Moderators", "Admins"); `/help` lists them by that.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![help::help(), setup::setup()]
}
