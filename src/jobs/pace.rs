//! Pacing of scheduled sends below Discord's global rate limit. Pacing is about real
//! seconds between requests, not programme time, so it uses the monotonic clock.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// A token bucket that hands out reservations: each `take` gets a slot, and the answer is how
/// long to wait for it. Concurrent senders are thus spaced at `rate` per second after a burst.
#[derive(Debug)]
pub struct TokenBucket {
    rate: f64,
    capacity: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(rate_per_second: u32, capacity: u32, now: Instant) -> TokenBucket {
        let capacity = f64::from(capacity.max(1));
        TokenBucket {
            rate: f64::from(rate_per_second.max(1)),
            capacity,
            tokens: capacity,
            last: now,
        }
    }

    /// Reserves one request; returns how long to wait before making it.
    pub fn take(&mut self, now: Instant) -> Duration {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = self.last.max(now);
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity) - 1.0;
        if self.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.tokens / self.rate)
        }
    }
}

/// The bucket shared by every scheduled send, plus a global hold after a global 429.
#[derive(Debug)]
pub struct Pacer {
    bucket: Mutex<TokenBucket>,
    hold_until: Mutex<Option<Instant>>,
}

impl Pacer {
    /// `rate_per_second` with a burst of a quarter second's worth.
    pub fn new(rate_per_second: u32) -> Pacer {
        Pacer {
            bucket: Mutex::new(TokenBucket::new(
                rate_per_second,
                rate_per_second / 4,
                Instant::now(),
            )),
            hold_until: Mutex::new(None),
        }
    }

    /// Waits for this request's turn.
    pub async fn acquire(&self) {
        let hold = *self.hold_until.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(until) = hold {
            tokio::time::sleep_until(until).await;
        }
        let wait = self
            .bucket
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// Nobody sends for `pause` (Discord said the global limit was hit).
    pub fn hold_for(&self, pause: Duration) {
        let until = Instant::now() + pause;
        let mut hold = self.hold_until.lock().unwrap_or_else(|e| e.into_inner());
        if hold.is_none_or(|h| h < until) {
            *hold = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_the_burst_requests_are_spaced_at_the_rate() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(40, 10, start);
        let waits: Vec<Duration> = (0..100).map(|_| bucket.take(start)).collect();
        assert!(waits[..10].iter().all(|w| w.is_zero()));
        // The 11th waits one slot (25 ms), the 100th waits 90 slots.
        assert_eq!(waits[10], Duration::from_millis(25));
        assert_eq!(waits[99], Duration::from_millis(2250));
        // Within the first second: the burst, then one every 25 ms (the 40th lands at 1 s).
        let in_first_second = waits
            .iter()
            .filter(|w| **w < Duration::from_secs(1))
            .count();
        assert_eq!(in_first_second, 10 + 39);
    }

    #[test]
    fn an_idle_bucket_refills_only_up_to_its_burst() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(40, 10, start);
        for _ in 0..10 {
            bucket.take(start);
        }
        let later = start + Duration::from_secs(60);
        let waits: Vec<Duration> = (0..11).map(|_| bucket.take(later)).collect();
        assert!(waits[..10].iter().all(|w| w.is_zero()));
        assert_eq!(waits[10], Duration::from_millis(25));
    }
}
