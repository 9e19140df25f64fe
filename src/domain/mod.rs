//! Pure logic: no I/O, no clock, no Discord. Everything here is unit-tested beside the code.

pub mod guild;
pub mod member;
pub mod timezone;
