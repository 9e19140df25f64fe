//! The bot's request budget under Discord's global rate limit, shared by every process and by
//! both kinds of traffic: commands' requests (through the relay) and scheduled sends (through
//! the courier). Turns are booked in the database (see `store::budget`), a few at a time;
//! scheduled sends book only a short way ahead, so a command's request, which takes the next
//! turn at once, waits a fraction of a second at most, and scheduled sends use every turn
//! commands leave. Pacing is about real seconds, not programme time: it uses the monotonic
//! clock here and the database's clock for the shared turns.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use crate::store::Db;

/// Whose request it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// A command's or a button's request: someone is waiting for it.
    Interactive,
    /// A scheduled send: takes what interactive traffic leaves.
    Scheduled,
}

/// Turns booked per database round trip for scheduled sends.
const BATCH: u32 = 4;
/// Scheduled sends book no turn further ahead than this, so a command's request never queues
/// behind a long line of them.
const HORIZON: Duration = Duration::from_millis(250);
/// A command's request waits at most this long for the shared budget to book its turn.
const INTERACTIVE_WAIT: Duration = Duration::from_millis(250);
/// After the database failed to answer, scheduled sends wait this long before asking again.
const DATABASE_PAUSE: Duration = Duration::from_secs(1);

/// Turns this process booked and has not handed out, earliest first.
#[derive(Debug, Default)]
struct Booked(VecDeque<Instant>);

impl Booked {
    /// Adds `n` turns of `spacing` ending `ahead` after `at`, when the database read its clock
    /// (what it answered). Never before `at`: turns that would start earlier move later, not
    /// closer together.
    fn add(&mut self, at: Instant, ahead: Duration, n: u32, spacing: Duration) {
        let first = (at + ahead).checked_sub(spacing * n).unwrap_or(at).max(at);
        for k in 0..n {
            self.0.push_back(first + spacing * k);
        }
    }

    /// The earliest turn still usable at `now`. A turn more than one spacing late is dropped:
    /// used now, it could put two requests in one turn.
    fn take(&mut self, now: Instant, spacing: Duration) -> Option<Instant> {
        while let Some(turn) = self.0.pop_front() {
            if turn + spacing >= now {
                return Some(turn);
            }
        }
        None
    }
}

#[derive(Debug)]
pub struct Budget {
    db: Db,
    spacing: Duration,
    /// Held while booking, so one process books one batch at a time.
    booked: tokio::sync::Mutex<Booked>,
    /// This process's own next turn, for a command's request when the database cannot book
    /// one in time: paced alone rather than not at all.
    fallback: Mutex<Instant>,
    /// This process's hold after a global 429 (the database has it too, for the others).
    hold_until: Mutex<Option<Instant>>,
}

impl Budget {
    /// `rate_per_second` requests per second for the whole bot, all processes together.
    pub fn new(db: Db, rate_per_second: u32) -> Budget {
        Budget {
            db,
            spacing: Duration::from_secs(1) / rate_per_second.max(1),
            booked: tokio::sync::Mutex::new(Booked::default()),
            fallback: Mutex::new(Instant::now()),
            hold_until: Mutex::new(None),
        }
    }

    /// Waits for this request's turn.
    pub async fn acquire(&self, lane: Lane) {
        loop {
            if let Some(until) = self.held() {
                tokio::time::sleep_until(until).await;
            }
            let turn = match lane {
                Lane::Interactive => {
                    match tokio::time::timeout(INTERACTIVE_WAIT, self.turn(lane)).await {
                        Ok(turn) => turn,
                        Err(_) => {
                            tracing::warn!("the request budget did not answer in time");
                            self.fallback_turn()
                        }
                    }
                }
                Lane::Scheduled => self.turn(lane).await,
            };
            tokio::time::sleep_until(turn).await;
            // A global 429 came while this request waited: after the hold, a new turn.
            if self.held().is_none() {
                return;
            }
        }
    }

    /// The end of a hold still running.
    fn held(&self) -> Option<Instant> {
        let hold = *self.hold_until.lock().unwrap_or_else(|e| e.into_inner());
        hold.filter(|until| *until > Instant::now())
    }

    fn fallback_turn(&self) -> Instant {
        let mut next = self.fallback.lock().unwrap_or_else(|e| e.into_inner());
        let turn = (*next).max(Instant::now());
        *next = turn + self.spacing;
        turn
    }

    async fn turn(&self, lane: Lane) -> Instant {
        let spacing_us = i64::try_from(self.spacing.as_micros()).unwrap_or(i64::MAX);
        loop {
            let mut booked = self.booked.lock().await;
            if let Some(turn) = booked.take(Instant::now(), self.spacing) {
                return turn;
            }
            let (n, horizon) = match lane {
                Lane::Interactive => (1, None),
                Lane::Scheduled => (BATCH, Some(HORIZON.as_micros() as i64)),
            };
            match self.db.book_turns(n, spacing_us, horizon).await {
                Ok(Some(ahead_us)) => {
                    let ahead = Duration::from_micros(ahead_us.max(0).unsigned_abs());
                    // Placed from when the answer came: never earlier than the database's
                    // reading (waiting for a connection comes before it), so never ahead of
                    // another process's turns.
                    booked.add(Instant::now(), ahead, n, self.spacing);
                    // This request takes the first at once, however long booking took.
                    if let Some(turn) = booked.0.pop_front() {
                        return turn;
                    }
                }
                Ok(None) => {
                    drop(booked);
                    let next = self.db.next_turn_in().await.unwrap_or(0);
                    let wait = Duration::from_micros(next.max(0).unsigned_abs())
                        .saturating_sub(HORIZON)
                        .max(self.spacing);
                    tokio::time::sleep(wait).await;
                }
                Err(e) => {
                    drop(booked);
                    tracing::warn!(error = %e, "the request budget could not be read");
                    if lane == Lane::Interactive {
                        return self.fallback_turn();
                    }
                    tokio::time::sleep(DATABASE_PAUSE).await;
                }
            }
        }
    }

    /// Nobody sends for `pause` (Discord said the global limit was hit): this process at once,
    /// the others from their next booking.
    pub async fn hold_for(&self, pause: Duration) {
        let until = Instant::now() + pause;
        {
            let mut hold = self.hold_until.lock().unwrap_or_else(|e| e.into_inner());
            if hold.is_none_or(|h| h < until) {
                *hold = Some(until);
            }
        }
        // The shared hold first, so no booking after the clearing lands inside it.
        let pause_us = i64::try_from(pause.as_micros()).unwrap_or(i64::MAX);
        if let Err(e) = self.db.hold_turns(pause_us).await {
            tracing::warn!(error = %e, "the request budget could not be held");
        }
        self.booked.lock().await.0.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPACING: Duration = Duration::from_millis(25);

    #[test]
    fn booked_turns_end_where_the_database_said_and_are_one_spacing_apart() {
        let now = Instant::now();
        let mut booked = Booked::default();
        booked.add(now, Duration::from_millis(300), 4, SPACING);
        let turns: Vec<Duration> = booked.0.iter().map(|t| *t - now).collect();
        assert_eq!(
            turns,
            [200, 225, 250, 275].map(Duration::from_millis).to_vec()
        );
    }

    #[test]
    fn turns_that_would_start_in_the_past_start_now_and_stay_one_spacing_apart() {
        let now = Instant::now();
        let mut booked = Booked::default();
        booked.add(now, Duration::from_millis(10), 2, SPACING);
        let turns: Vec<Duration> = booked.0.iter().map(|t| *t - now).collect();
        assert_eq!(turns, [0, 25].map(Duration::from_millis).to_vec());
    }

    #[test]
    fn a_turn_missed_by_more_than_one_spacing_is_dropped_not_used_late() {
        let now = Instant::now();
        let mut booked = Booked::default();
        booked.add(now, Duration::from_millis(100), 4, SPACING);
        // 70 ms later: the turns at 0 and 25 ms are gone, the one at 50 ms is still good.
        let later = now + Duration::from_millis(70);
        assert_eq!(
            booked.take(later, SPACING),
            Some(now + Duration::from_millis(50))
        );
        assert_eq!(
            booked.take(later, SPACING),
            Some(now + Duration::from_millis(75))
        );
        assert_eq!(booked.take(later, SPACING), None);
    }
}
