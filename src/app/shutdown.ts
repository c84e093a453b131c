import type { Logger } from '../log.js';

/** What a stop step is called in the log, and the step. */
export type StopStep = [name: string, stop: () => void | Promise<void>];

/**
 * Graceful stop on SIGTERM/SIGINT: runs the steps in order (stop taking updates, finish those in flight, close the
 * database...), each failure logged without skipping the rest, then flushes the log and exits 0. A second signal
 * exits at once with 130.
 */
export function stopOnSignals(
  logger: Logger,
  steps: () => StopStep[],
  exit: (code: number) => void = process.exit,
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'stop: second signal, exiting now');
      logger.flush();
      exit(130);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stop: finishing the updates in flight');
    void runSteps(logger, steps()).then(() => {
      logger.info('stop: done');
      logger.flush();
      exit(0);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function runSteps(logger: Logger, steps: StopStep[]): Promise<void> {
  for (const [name, stop] of steps) {
    try {
      await stop();
    } catch (err) {
      logger.error({ err, step: name }, 'stop: a step failed');
    }
  }
}
