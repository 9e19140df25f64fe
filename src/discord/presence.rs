//! Who is known to be in which server, and since when. Without the privileged members intent
//! nobody tells the bot that someone left, so a round looks members up; someone who just wrote
//! a message or pressed a button is there, and a look-up is trusted for a while.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// How long being seen (or found by a look-up) counts as being in the server.
const TRUSTED_FOR_HOURS: i64 = 12;

/// When each (server, member) was last seen there.
type LastSeen = HashMap<(u64, u64), DateTime<Utc>>;

#[derive(Debug, Clone, Default)]
pub struct Presence(Arc<Mutex<LastSeen>>);

impl Presence {
    /// `user` was in `guild` at `at` (a message, an interaction, a look-up).
    pub fn seen(&self, guild: u64, user: u64, at: DateTime<Utc>) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let cutoff = at - Duration::hours(TRUSTED_FOR_HOURS);
        // Forget the stale ones now and then, so the map stays as large as the active people.
        if map.len() > 10_000 {
            map.retain(|_, seen| *seen > cutoff);
        }
        map.insert((guild, user), at);
    }

    /// Whether `user` was seen in `guild` recently enough to skip a look-up.
    pub fn recently(&self, guild: u64, user: u64, now: DateTime<Utc>) -> bool {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(guild, user))
            .is_some_and(|seen| now - *seen < Duration::hours(TRUSTED_FOR_HOURS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn being_seen_is_trusted_for_twelve_hours_per_server() {
        let p = Presence::default();
        let at = Utc::now();
        p.seen(1, 7, at);
        assert!(p.recently(1, 7, at + Duration::hours(11)));
        assert!(!p.recently(1, 7, at + Duration::hours(12)));
        assert!(!p.recently(2, 7, at), "another server");
    }
}
