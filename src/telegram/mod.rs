//! The Telegram bot (placeholder until the bot lands).

use crate::engine::EngineConfig;

/// Runs the bot until stopped.
pub fn run_blocking(_config: EngineConfig) -> anyhow::Result<()> {
    anyhow::bail!("the Telegram bot is not built yet; use `citebot ask` or `citebot chat`")
}
