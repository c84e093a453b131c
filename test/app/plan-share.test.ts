import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlanIntake } from '../../src/app/plan-intake.js';
import { createPlanReloader } from '../../src/app/plan-reload.js';
import { createPlanShare, type PlanShare } from '../../src/app/plan-share.js';
import { createPlanVersions } from '../../src/app/plan-versions.js';
import { createKnowledgeHolder, knowledgeOf, type KnowledgeHolder } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion } from '../../src/search/index.js';
import { createPgPlanFileSignal, type PgStore } from '../../src/store/pg/index.js';
import type { PlanFileStore, PlanIntake } from '../../src/tasks/index.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../support/pg-db.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

const HUE_Q = 'Nhiệm vụ 1 của thành phố Huế hạn khi nào?';
const hueDue = (month: number) => realPlan('hue').replace('\tTháng 5/2026', `\tTháng ${month}/2026`);

/** One instance: its own store connection, plans folder, knowledge, reloader, intake and share, as build-core wires them. */
type Instance = {
  dir: string;
  store: PgStore;
  holder: KnowledgeHolder;
  share: PlanShare;
  intake: PlanIntake;
  logs: string[];
  /** The texts sent to people (a plan's new version). */
  notices: string[];
  /** As build-core starts: the share brings the folder up to date, the plans are read, then the share follows. */
  boot(): Promise<void>;
  ask(question: string): string;
  /** The version each plan serves as ("hue@2"). */
  versions(): string[];
  ids(): string[];
  files(): string[];
};

let db: PgTestDb;
const dirs: string[] = [];
const shares: PlanShare[] = [];

beforeAll(async () => {
  if (pgReachable) db = await createPgTestDb();
});
afterEach(async () => {
  await Promise.all(shares.splice(0).map((s) => s.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await db?.reset();
});
afterAll(() => db?.drop());

type InstanceOptions = {
  listen?: boolean;
  /** Polling period (ms); default none in effect (an hour): a change arrives by pull() or, where said, by NOTIFY. */
  pollMs?: number;
  /** Stands between the share and the store (a store that fails). */
  wrap?: (files: PlanFileStore) => PlanFileStore;
};

/** Two instances booted one after the other, the first with `files` in its plans folder, the second with none. */
async function bootedPair(files: Record<string, string | Buffer>): Promise<[Instance, Instance]> {
  const a = await instance(files);
  const b = await instance();
  await a.boot();
  await b.boot();
  return [a, b];
}

async function instance(files: Record<string, string | Buffer> = {}, opts: InstanceOptions = {}): Promise<Instance> {
  const dir = knowledgeFolder(files);
  dirs.push(dir);
  const store = await db.open();
  const logs: string[] = [];
  const log = (level: string, msg: string) => void logs.push(`${level}: ${msg}`);
  const notices: string[] = [];
  const versions = createPlanVersions({
    revisions: store.revisions,
    now: () => new Date(),
    log,
    notify: async (text) => void notices.push(text),
  });
  const holder = createKnowledgeHolder([]);
  const reloader = createPlanReloader({ dir, knowledge: holder, log, revise: versions.revise });
  const share = createPlanShare({
    dir,
    files: opts.wrap ? opts.wrap(store.planFiles) : store.planFiles,
    signal: opts.listen ? createPgPlanFileSignal(store.pool) : undefined,
    log,
    onChange: (names) => reloader.reload(names),
    pollMs: opts.pollMs ?? 3_600_000,
    pollListeningMs: opts.pollMs ?? 3_600_000,
  });
  shares.push(share);
  const intake = createPlanIntake({
    dir,
    afterStore: async (path, removed) => {
      await reloader.reload([basename(path)]);
      await share.publish([basename(path), ...removed]);
    },
  });
  return {
    dir,
    store,
    holder,
    share,
    intake,
    logs,
    notices,
    boot: async () => {
      await share.start();
      holder.swap(knowledgeOf(await versions.stamp((await loadKnowledge(dir)).plans)));
      await share.follow();
    },
    versions: () => holder.current().plans.map((p) => `${p.id}@${p.version ?? 1}`),
    ask: (q) => renderAnswer(answerQuestion(holder.current().index, q, { today: '2026-06-01' })),
    ids: () => holder.current().plans.map((p) => p.id),
    files: () => readdirSync(dir).sort(),
  };
}

/** Reads and stores a file through the intake, as an admin's upload or `plans add` does. */
async function add(on: Instance, fileName: string, content: string | Buffer) {
  const read = await on.intake.read(fileName, Buffer.from(content));
  if (!read.ok) return read;
  return on.intake.store(read.value, { replace: true });
}

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(probe()).toBe(true);
}

describe.skipIf(!pgReachable)(`createPlanShare${pgReachable ? '' : ` ${PG_ABSENT}`}`, () => {
  it('seeds the store from the first folder, and a second instance starts with its plans', async () => {
    const a = await instance({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
    await a.boot();
    const b = await instance();
    await b.boot();
    expect(b.files()).toEqual(['hue.md', 'nhi-chieu.md']);
    expect(readFileSync(join(b.dir, 'hue.md'), 'utf8')).toBe(realPlan('hue'));
    expect(b.ids()).toEqual(['hue', 'nhi-chieu']);
    expect(b.ask(HUE_Q)).toMatch(/Tháng 5\/2026/);
  });

  it('brings a plan added on one instance into the other folder, where it is answered', async () => {
    const a = await instance({ 'nhi-chieu.md': realPlan('nhi-chieu') });
    const b = await instance({ 'nhi-chieu.md': realPlan('nhi-chieu') });
    await a.boot();
    await b.boot();
    expect(b.ask(HUE_Q)).not.toMatch(/Tháng 5\/2026/);
    expect(await add(a, 'hue.md', realPlan('hue'))).toMatchObject({ ok: true });
    expect(await b.share.pull()).toEqual(['hue.md']);
    expect(b.files()).toEqual(['hue.md', 'nhi-chieu.md']);
    expect(b.ids()).toEqual(['hue', 'nhi-chieu']);
    expect(b.ask(HUE_Q)).toMatch(/Tháng 5\/2026/);
  });

  it('replaces the other copy when a plan is stored again, and reloads that plan', async () => {
    const [a, b] = await bootedPair({ 'hue.md': realPlan('hue') });
    expect(await add(a, 'hue.md', hueDue(9))).toMatchObject({ ok: true });
    expect(await b.share.pull()).toEqual(['hue.md']);
    expect(readFileSync(join(b.dir, 'hue.md'), 'utf8')).toBe(hueDue(9));
    expect(b.ask(HUE_Q)).toMatch(/Tháng 9\/2026/);
    expect(await b.share.pull()).toEqual([]);
  });

  it('records a new version of a plan once, on the instance it was stored on, and both serve it', async () => {
    const [a, b] = await bootedPair({ 'hue.md': realPlan('hue') });
    expect(await add(a, 'hue.md', hueDue(9))).toMatchObject({ ok: true });
    expect(await b.share.pull()).toEqual(['hue.md']);
    expect(await db.rows('plan_revisions')).toMatchObject([{ plan: 'hue', revision: 2 }]);
    expect(a.versions()).toEqual(['hue@2']);
    expect(b.versions()).toEqual(['hue@2']);
    expect(a.notices).toHaveLength(1);
    expect(b.notices).toEqual([]);
    const c = await instance();
    await c.boot();
    expect(c.versions()).toEqual(['hue@2']);
  });

  it('removes the other copy of a removed file, and its plan stops serving there', async () => {
    const [a, b] = await bootedPair({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
    rmSync(join(a.dir, 'hue.md'));
    await a.share.publish(['hue.md']);
    expect(await b.share.pull()).toEqual(['hue.md']);
    expect(b.files()).toEqual(['nhi-chieu.md']);
    expect(b.ids()).toEqual(['nhi-chieu']);
  });

  it('removes a removed file at start on an instance that was stopped meanwhile', async () => {
    const a = await instance({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
    await a.boot();
    const b = await instance({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
    // B's copies were written before the removal (dated an hour ago).
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of b.files()) utimesSync(join(b.dir, f), hourAgo, hourAgo);
    rmSync(join(a.dir, 'hue.md'));
    await a.share.publish(['hue.md']);
    await b.boot();
    expect(b.files()).toEqual(['nhi-chieu.md']);
    expect(b.ids()).toEqual(['nhi-chieu']);
  });

  it('takes the store copy over an older one at start, and a copy edited here after it into the store', async () => {
    const a = await instance({ 'hue.md': hueDue(9), 'nhi-chieu.md': realPlan('nhi-chieu') });
    await a.boot();
    const b = await instance({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(b.dir, 'hue.md'), hourAgo, hourAgo);
    const edited = realPlan('nhi-chieu').replace('Nhị Chiểu', 'Nhị Chiểu (sửa)');
    writeFileSync(join(b.dir, 'nhi-chieu.md'), edited);
    await b.boot();
    expect(readFileSync(join(b.dir, 'hue.md'), 'utf8')).toBe(hueDue(9));
    expect(await a.share.pull()).toEqual(['nhi-chieu.md']);
    expect(readFileSync(join(a.dir, 'nhi-chieu.md'), 'utf8')).toBe(edited);
  });

  it('refuses a broken upload at intake: nothing reaches the store or the other instance', async () => {
    const [a, b] = await bootedPair({ 'hue.md': realPlan('hue') });
    const before = await db.rows('plan_files');
    expect(await add(a, 'hue.md', '')).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    expect(await add(a, 'rac.docx', Buffer.from('not a docx'))).toMatchObject({ ok: false });
    expect(await db.rows('plan_files')).toEqual(before);
    expect(await b.share.pull()).toEqual([]);
    expect(readFileSync(join(b.dir, 'hue.md'), 'utf8')).toBe(realPlan('hue'));
    expect(b.ask(HUE_Q)).toMatch(/Tháng 5\/2026/);
  });

  it('does not seed the store with a folder file that reads as no plan', async () => {
    const a = await instance({ 'hue.md': realPlan('hue'), 'ghi-chu.md': 'Chỉ là một ghi chú.' });
    await a.boot();
    const b = await instance();
    await b.boot();
    expect(b.files()).toEqual(['hue.md']);
    expect(a.logs).toContain('warn: plan share: a file of the folder reads as no plan; not written to the store');
  });

  it('writes no stored file whose bytes do not match their hash, nor one named outside the folder', async () => {
    const a = await instance({ 'hue.md': realPlan('hue') });
    await a.boot();
    await db.exec(`UPDATE plan_files SET content = 'garbage'::bytea`);
    await db.exec(
      `INSERT INTO plan_files (name, content, sha256, size, version, changed_at)
       VALUES ('../evil.md', 'x'::bytea, 'x', 1, 99, now())`,
    );
    const b = await instance();
    await b.boot();
    expect(b.files()).toEqual([]);
    expect(existsSync(join(b.dir, '..', 'evil.md'))).toBe(false);
    expect(b.logs).toEqual(
      expect.arrayContaining([
        'error: plan share: a stored file does not match its hash; not written',
        'warn: plan share: a stored file name is not a plan file name; skipped',
      ]),
    );
  });

  it('hears of another instance’s change by NOTIFY, without polling', async () => {
    const a = await instance({ 'nhi-chieu.md': realPlan('nhi-chieu') });
    const b = await instance({}, { listen: true });
    await a.boot();
    await b.boot();
    expect(await add(a, 'hue.md', realPlan('hue'))).toMatchObject({ ok: true });
    await until(() => b.ids().includes('hue'));
    expect(b.ask(HUE_Q)).toMatch(/Tháng 5\/2026/);
  });

  it('writes a file again at the next poll when the store refused it, and the other instance gets it', async () => {
    let refuse = true;
    const flaky = (files: PlanFileStore): PlanFileStore => ({
      ...files,
      put: (...args) => (refuse ? Promise.reject(new Error('connection lost')) : files.put(...args)),
    });
    const a = await instance({}, { wrap: flaky, pollMs: 20 });
    const b = await instance();
    await a.boot();
    await b.boot();
    writeFileSync(join(a.dir, 'hue.md'), realPlan('hue'));
    expect(await a.share.publish(['hue.md'])).toEqual(['hue.md']);
    expect(a.logs).toContain('error: plan share: writing a file to the store failed; tried again later');
    refuse = false;
    await until(() => a.logs.includes('info: plan share: file written to the store'));
    expect(await b.share.pull()).toEqual(['hue.md']);
    expect(b.ids()).toEqual(['hue']);
  });

  it('survives losing its listening connection, and listens again at the next poll', async () => {
    const b = await instance({}, { listen: true, pollMs: 20 });
    await b.boot();
    const listening = async () =>
      (
        await b.store.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
        )
      ).rows.map((r) => r.pid);
    const [pid] = await listening();
    expect(pid).toBeDefined();
    await b.store.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    await until(() =>
      b.logs.includes('warn: plan share: the store connection listening for changes was lost; polling'),
    );
    let again: number[] = [];
    for (let i = 0; i < 500 && again.filter((p) => p !== pid).length === 0; i++) {
      again = await listening();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(again.filter((p) => p !== pid)).toHaveLength(1);
  });

  it('starts even when the store cannot be read, and catches up at the next poll', async () => {
    const a = await instance({ 'hue.md': realPlan('hue') });
    await a.boot();
    let down = true;
    const unreachable = (files: PlanFileStore): PlanFileStore => ({
      ...files,
      changesSince: (v) => (down ? Promise.reject(new Error('connection refused')) : files.changesSince(v)),
    });
    const b = await instance({}, { wrap: unreachable, pollMs: 20 });
    await b.boot();
    expect(b.logs).toContain(
      'error: plan share: bringing the folder and the store together failed; tried again at the next poll',
    );
    down = false;
    await until(() => b.ids().includes('hue'));
  });
});
