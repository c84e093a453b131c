/**
 * The composition's parts, used by `main.ts`: the core over one store, the channels by mode, the scheduler's `send`
 * port and the graceful stop. Outer layer: it may use every folder but the CLI.
 */
/** Opens the store, reads the plans and builds the search index and the chat handler: `buildCore(config, logger)`. */
export { buildCore, type Core } from './build-core.js';
/** What every bot channel gets besides its token: the chat handler as people reach it, and each platform's outbox. */
export { createChannelKit } from './channel-kit.js';
/** Long polling on every channel whose token is set. */
export { startPollingChannels, type RunningChannels } from './polling-mode.js';
/** The channels by webhook: one HTTP server on PORT for both channels' endpoints, health and files. */
export { startWebhookMode } from './webhook-mode.js';
/** The no-token local chat in the terminal. */
export { runLocalChat } from './terminal-mode.js';
/** The scheduler's `send` port: `tg:<id>` to Telegram, `zl:<id>` to Zalo. */
export { createSendRouter } from './send-router.js';
/** Graceful stop on SIGTERM/SIGINT, step by step. */
export { stopOnSignals } from './shutdown.js';
/** A plan reader's warning as `file:line: message`, as the CLI and the logs print it. */
export { formatWarning } from './format-warning.js';
/** Reading and storing uploaded plan files (the `PlanIntake` port over the plans folder); `isPlanId("kh-158")`. */
export { createPlanIntake, isPlanId } from './plan-intake.js';
/**
 * Plan files kept alike between this instance's plans folder and the store several instances share: seeded from the
 * folder at start, the store's changes written into the folder (LISTEN, else polling), uploads written to the store.
 */
export { createPlanShare, type PlanShare, type PlanShareOptions } from './plan-share.js';
/** The dashboard over the core (`dashboardOf`), its chat links (`linksOf`), and polling mode's server for it. */
export { dashboardOf, linksOf, startDashboardServer } from './dashboard-server.js';
