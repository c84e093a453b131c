/**
 * The chat commands of the digest and reports (/digest, /nhandigest, /tatdigest, /baocao, /solieu): outer, as they
 * render report files and read the digest schedule; the composition root gives them to the chat core
 * (`createChat({ reportCommands })`), whose command list in `messages` names and describes them.
 */

/** `createReportCommands({ progress, subscriptions, figures, digestCron })` → the five handlers, by command id. */
export { createReportCommands, type ReportCommandDeps } from './create-report-commands.js';
