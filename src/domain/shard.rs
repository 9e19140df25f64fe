//! Shards: which of the bot's gateway connections a server's events arrive on, and which
//! shards one process serves (`discord.shards` of `discord.shard_count`).

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// The shard Discord sends a server's events to with `count` shards: `(guild_id >> 22) %
/// count` (the id's timestamp part, modulo the count).
pub fn shard_of(guild_id: u64, count: u32) -> u32 {
    ((guild_id >> 22) % u64::from(count.max(1))) as u32
}

/// `discord.shards`: one shard (`2`) or a range of them (`0-3`, both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "RawShards")]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
}

/// What a configuration file or an environment variable gives for `discord.shards`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum RawShards {
    Number(i64),
    Text(String),
}

impl TryFrom<RawShards> for ShardRange {
    type Error = String;

    fn try_from(raw: RawShards) -> Result<ShardRange, String> {
        match raw {
            RawShards::Number(n) => ShardRange::from_str(&n.to_string()),
            RawShards::Text(text) => ShardRange::from_str(&text),
        }
    }
}

impl FromStr for ShardRange {
    type Err = String;

    fn from_str(text: &str) -> Result<ShardRange, String> {
        let shard = |part: &str| {
            part.trim().parse::<u32>().map_err(|_| {
                format!("{text:?} is not a shard: write one shard id (2) or a range (0-3)")
            })
        };
        let (first, last) = match text.split_once('-') {
            Some((a, b)) => (shard(a)?, shard(b)?),
            None => {
                let one = shard(text)?;
                (one, one)
            }
        };
        if first > last {
            return Err(format!(
                "{text:?} ends before it starts: write the lower shard first ({last}-{first})"
            ));
        }
        Ok(ShardRange { first, last })
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.first == self.last {
            true => write!(f, "{}", self.first),
            false => write!(f, "{}-{}", self.first, self.last),
        }
    }
}

/// The shards one process serves: `first..=last` of `count` in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardPlan {
    pub first: u32,
    pub last: u32,
    pub count: u32,
}

impl ShardPlan {
    /// Every shard of `count` in one process.
    pub fn all(count: u32) -> ShardPlan {
        let count = count.max(1);
        ShardPlan {
            first: 0,
            last: count - 1,
            count,
        }
    }

    /// `range` of `count` shards, or why that is impossible.
    pub fn new(range: ShardRange, count: u32) -> Result<ShardPlan, String> {
        if count == 0 {
            return Err("there must be at least 1 shard".into());
        }
        if range.last >= count {
            let what = match range.first == range.last {
                true => format!("shard {range} does not exist"),
                false => format!("shards {range} do not all exist"),
            };
            return Err(format!(
                "{what} with {count} in all (shard ids 0 to {})",
                count - 1
            ));
        }
        Ok(ShardPlan {
            first: range.first,
            last: range.last,
            count,
        })
    }

    /// The shard ids this process serves.
    pub fn ids(&self) -> RangeInclusive<u32> {
        self.first..=self.last
    }

    pub fn has_shard(&self, shard: u32) -> bool {
        self.ids().contains(&shard)
    }

    /// Whether this process receives the server's events (it is on one of its shards).
    pub fn serves(&self, guild_id: u64) -> bool {
        self.has_shard(shard_of(guild_id, self.count))
    }

    /// Whether this is every shard there is (one process serves every server).
    pub fn is_everything(&self) -> bool {
        self.first == 0 && self.last + 1 == self.count
    }
}

impl fmt::Display for ShardPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = ShardRange {
            first: self.first,
            last: self.last,
        };
        write!(f, "{range} of {}", self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server id whose timestamp part is `stamp` (the low 22 bits do not count).
    fn id(stamp: u64, low: u64) -> u64 {
        (stamp << 22) | low
    }

    #[test]
    fn a_server_is_on_its_timestamp_modulo_the_shard_count() {
        assert_eq!(shard_of(id(7, 0), 4), 3);
        assert_eq!(
            shard_of(id(7, (1 << 22) - 1), 4),
            3,
            "low bits do not count"
        );
        assert_eq!(shard_of(id(8, 5), 4), 0);
        assert_eq!(shard_of(id(8, 5), 1), 0);
        // A real server id: 197038439483310086 >> 22 = 46977624770.
        assert_eq!(shard_of(197_038_439_483_310_086, 1000), 770);
        for count in 1..=16 {
            for stamp in 0..64 {
                assert!(shard_of(id(stamp, 1), count) < count);
            }
        }
    }

    #[test]
    fn shards_are_one_id_or_a_range() {
        let r = |first, last| ShardRange { first, last };
        assert_eq!("2".parse(), Ok(r(2, 2)));
        assert_eq!("0-3".parse(), Ok(r(0, 3)));
        assert_eq!(" 1 - 1 ".parse(), Ok(r(1, 1)));
        for bad in ["", "-", "a", "1-", "-1", "3-1", "1-2-3", "0.5", "1,2"] {
            assert!(bad.parse::<ShardRange>().is_err(), "{bad:?}");
        }
        assert!("3-1".parse::<ShardRange>().unwrap_err().contains("1-3"));
        assert_eq!(r(0, 3).to_string(), "0-3");
        assert_eq!(r(2, 2).to_string(), "2");
        assert_eq!(ShardRange::try_from(RawShards::Number(2)), Ok(r(2, 2)));
        assert!(ShardRange::try_from(RawShards::Number(-1)).is_err());
    }

    #[test]
    fn a_plan_serves_exactly_the_servers_of_its_shards() {
        let plan = ShardPlan::new(ShardRange { first: 1, last: 2 }, 4).unwrap();
        assert_eq!(plan.to_string(), "1-2 of 4");
        let served: Vec<u64> = (0..8).filter(|s| plan.serves(id(*s, 9))).collect();
        assert_eq!(served, [1, 2, 5, 6]);
        assert!(!plan.is_everything() && !plan.has_shard(0));
        assert!(ShardPlan::all(1).serves(id(12345, 6)));
        assert!(ShardPlan::all(3).is_everything());
        assert_eq!(ShardPlan::all(0), ShardPlan::all(1));
        // Every server is served by exactly one process of a split.
        let split = [
            ShardPlan::new(ShardRange { first: 0, last: 0 }, 3).unwrap(),
            ShardPlan::new(ShardRange { first: 1, last: 2 }, 3).unwrap(),
        ];
        for stamp in 0..50 {
            let serving = split.iter().filter(|p| p.serves(id(stamp, 3))).count();
            assert_eq!(serving, 1, "stamp {stamp}");
        }
        assert!(ShardPlan::new(ShardRange { first: 0, last: 3 }, 2).is_err());
        assert!(ShardPlan::new(ShardRange { first: 0, last: 0 }, 0).is_err());
    }
}
