//! What the health check asks the Discord side: is every gateway shard of this process
//! connected? Read from serenity's shard manager when /healthz is asked.

use std::sync::Arc;

use poise::serenity_prelude as serenity;
use tokio::sync::watch;

use crate::ops::{GatewayProbe, GatewayState, ShardState};

/// `ids` are the shards this process serves; `ready` turns true once every one of them was
/// ready and start-up finished; `task`'s sender is dropped when the gateway task ends.
pub(super) fn gateway(
    manager: Arc<serenity::ShardManager>,
    ids: Vec<u32>,
    ready: watch::Receiver<bool>,
    task: watch::Receiver<()>,
) -> GatewayProbe {
    let ids: Arc<[u32]> = ids.into();
    Arc::new(move || {
        let (manager, ids) = (manager.clone(), ids.clone());
        let ready = *ready.borrow();
        // serenity leaves a stopped shard's last stage in its list: the task tells.
        let ended = task.has_changed().is_err();
        Box::pin(async move {
            if ended {
                return GatewayState::Stopped;
            }
            if !ready {
                return GatewayState::Starting;
            }
            let runners = manager.runners.lock().await;
            let shards = ids
                .iter()
                .map(|&id| match runners.get(&serenity::ShardId(id)) {
                    Some(runner) => ShardState {
                        id,
                        connected: runner.stage == serenity::ConnectionStage::Connected,
                        stage: runner.stage.to_string(),
                    },
                    // Between a shard's restart and its new connection.
                    None => ShardState {
                        id,
                        connected: false,
                        stage: "restarting".into(),
                    },
                })
                .collect();
            GatewayState::Shards(shards)
        })
    })
}
