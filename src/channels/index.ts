export { splitText } from './split-text.js';
/** What both channels' webhook endpoints share: the handler shape, its answers, the secret/size/JSON gate. */
export {
  createWebhookGate,
  DEFAULT_MAX_BODY_BYTES,
  type WebhookHandler,
  type WebhookHeaders,
  type WebhookResponse,
} from './webhook-common.js';
