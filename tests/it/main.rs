//! One integration test binary (fast to link on a 2-core machine): end-to-end tests that run
//! the real serenity client against discord-sim, store tests on the real migrations, and CLI
//! tests of the built binary.

mod access;
mod activity;
mod applications;
mod availability;
mod avoid;
mod budget;
mod catalogue;
mod checkins;
mod circle;
mod circles;
mod cli;
mod custom_ids;
mod cycles;
mod database;
mod digest;
mod durability;
mod enrol;
mod guide;
mod help;
mod inputs;
mod integrity;
mod languages;
mod latency;
mod layers;
mod move_db;
mod ops;
mod pairing;
mod reliability;
mod reports;
mod setup;
mod shards;
mod store;
mod support;
mod threads;
mod twice;
