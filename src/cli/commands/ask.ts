import { readFileSync } from 'node:fs';
import { isoDaySchema, type IsoDay } from '../../knowledge/index.js';
import { converse, createMemoryConversations, type ConversationStore } from '../../chat/index.js';
import { buildSearch, type SearchIndex } from '../../search/index.js';
import { toIsoDay } from '../../calendar/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir, parseOptions, parseToday } from '../options.js';

export const summary =
  'answer a question from the plans  "<question>" [--json] [--today YYYY-MM-DD] [--knowledge DIR] [--batch FILE]';

const USAGE = 'usage: npm run cli -- ask "<question>" [--json] [--today YYYY-MM-DD] [--knowledge DIR] [--batch FILE]';

/** Where a question is asked: alone, or in a conversation (a chat and the store of chats' memory). */
type Asked = { today: IsoDay; chatId?: string; store?: ConversationStore };

/**
 * One reply as `--json` prints it: exactly what the chat user reads (the first page of a long reply), with its
 * sources; `intent` is "small_talk" or "more" (a further page) when no answer was looked up.
 */
async function answerJson(index: SearchIndex, id: unknown, question: string, asked: Asked) {
  const reply = await converse(index, question, { ...asked, now: new Date() });
  const { answer } = reply;
  return {
    id,
    intent: answer?.intent ?? 'no_lookup',
    text: reply.text,
    citations: answer?.citations ?? [],
    tasks: answer?.tasks ?? [],
  };
}

/**
 * Reads one batch line `{"id","question","today","chat"}`; lines with the same `chat` are one conversation, in file
 * order. An unreadable line gets an error object in its place.
 */
async function batchLine(index: SearchIndex, line: string, today: IsoDay, store: ConversationStore): Promise<object> {
  let item: { id?: unknown; question?: unknown; today?: unknown; chat?: unknown };
  try {
    item = JSON.parse(line) as typeof item;
  } catch {
    return { id: null, error: 'line is not JSON' };
  }
  const id = item.id ?? null;
  if (typeof item.question !== 'string') return { id, error: 'missing "question"' };
  const day = item.today === undefined ? today : isoDaySchema.safeParse(item.today);
  if (typeof day !== 'string' && !day.success) return { id, error: '"today" must be YYYY-MM-DD' };
  const chat =
    typeof item.chat === 'string' || typeof item.chat === 'number' ? { chatId: String(item.chat), store } : {};
  return answerJson(index, id, item.question, { today: typeof day === 'string' ? day : day.data, ...chat });
}

async function runBatch(index: SearchIndex, file: string, today: IsoDay): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`ask: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const store = createMemoryConversations();
  for (const line of text.split('\n')) {
    if (line.trim()) console.log(JSON.stringify(await batchLine(index, line, today, store)));
  }
  return 0;
}

/** `ask "<question>" [--json] [--today D] [--knowledge DIR] [--batch FILE]`: the index is built once per run. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('ask', USAGE, {
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      today: { type: 'string' },
      knowledge: { type: 'string' },
      batch: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const day = values.today === undefined ? new Date() : parseToday(values.today);
  if (!day) {
    console.error(`ask: --today must be a day as YYYY-MM-DD, got '${values.today}'`);
    return 1;
  }
  const today = toIsoDay(day);
  const question = positionals.join(' ').trim();
  if (!values.batch && !question) {
    console.error(USAGE);
    return 1;
  }
  const index = buildSearch((await loadPlansReporting(knowledgeDir(values.knowledge))).plans);
  if (values.batch) return runBatch(index, values.batch, today);
  const reply = await answerJson(index, null, question, { today });
  console.log(values.json ? JSON.stringify(reply) : reply.text);
  return 0;
}
