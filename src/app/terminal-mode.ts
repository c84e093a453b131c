import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { runTerminalChat } from '../channels/terminal/index.js';
import type { ChatHandler, ReplyFile } from '../chat/index.js';
import type { Logger } from '../log.js';
import { LOCAL_ADMIN_NAME } from '../messages/index.js';
import type { Repositories } from '../store/index.js';

const LOCAL_USER = { key: 'cli:local', name: LOCAL_ADMIN_NAME };

/**
 * Whoever sits at the machine that runs the assistant is its admin: the local chat user is registered as one on first
 * use, so updates and reports can be tried at once. Registration goes through a one-time invite like everyone's.
 */
async function registerLocalAdmin(store: Pick<Repositories, 'users' | 'invites'>, now: Date): Promise<void> {
  if ((await store.users.get(LOCAL_USER.key))?.active) return;
  const code = `LOCAL-${randomUUID()}`;
  await store.invites.create({
    code,
    plan: null,
    unit: null,
    role: 'admin',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 60_000),
    usedAt: null,
    usedBy: null,
  });
  await store.invites.redeem(code, LOCAL_USER, now);
}

/** Writes a report or chart into `dir` and returns its path, so the person at the terminal can open it. */
const saveInto =
  (dir: string) =>
  (file: ReplyFile): string => {
    mkdirSync(dir, { recursive: true });
    const path = resolve(join(dir, basename(file.fileName)));
    writeFileSync(path, file.content);
    return path;
  };

/** The no-token local chat on this terminal; files sent with replies land in `fileDir`. Resolves when the input ends (Ctrl+D). */
export async function runLocalChat(
  store: Pick<Repositories, 'users' | 'invites'>,
  handle: ChatHandler,
  logger: Logger,
  fileDir: string,
): Promise<void> {
  await registerLocalAdmin(store, new Date());
  await runTerminalChat({
    handle,
    input: process.stdin,
    output: process.stdout,
    onError: (err) => logger.error({ err }, 'terminal: a message failed'),
    saveFile: saveInto(fileDir),
  });
}
