//! Pure logic: no I/O, no clock, no Discord. Everything here is unit-tested beside the code.

pub mod application;
pub mod availability;
pub mod circle;
pub mod cron;
pub mod cycle;
pub mod guide;
pub mod guild;
pub mod health;
pub mod impact;
pub mod locale;
pub mod matching;
pub mod member;
pub mod metrics;
pub mod pair;
pub mod peers;
pub mod report;
pub mod schedule;
pub mod shard;
pub mod survey;
pub mod timezone;

#[cfg(test)]
mod properties;
