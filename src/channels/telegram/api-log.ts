import type { Transformer } from 'grammy';
import type { Log } from '../../chat/index.js';

/**
 * An API transformer that logs every failed Bot API call at warn (method, error code, description, retry_after),
 * never the payload (message texts) nor the URL (it holds the token). Installed innermost, it sees each attempt.
 */
export function logFailedCalls(log: Log): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        const retryAfter = result.parameters?.retry_after;
        log('warn', 'telegram: API call failed', {
          channel: 'telegram',
          method,
          errorCode: result.error_code,
          description: result.description,
          retryAfter,
        });
      }
      return result;
    } catch (err) {
      if (!signal?.aborted) log('warn', 'telegram: API call failed', { channel: 'telegram', method, err });
      throw err;
    }
  };
}
