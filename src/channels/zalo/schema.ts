import { z } from 'zod';

/** The message events the assistant understands; any other event name is ignored. */
export const ZALO_EVENTS = [
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.unsupported.received',
] as const;

const id = z.string().min(1).max(128);

/** One message as the Zalo Bot API describes it (ids are strings, `date` in milliseconds). */
export const zaloMessageSchema = z.object({
  message_id: id,
  from: z.object({
    id,
    display_name: z.string().max(256).optional(),
    name: z.string().max(256).optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.object({ id, chat_type: z.string().max(32).optional() }),
  date: z.number().int().nonnegative().max(8.64e15),
  text: z.string().max(100_000).optional(),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** One update: an event name and, for message events, the message. */
export const zaloUpdateSchema = z.object({
  event_name: z.enum(ZALO_EVENTS),
  message: zaloMessageSchema,
});
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/** What reading a raw update gave: an update, an event we deliberately ignore, or a malformed body. */
export type ParsedUpdate =
  | { kind: 'update'; update: ZaloUpdate }
  | { kind: 'ignored'; eventName: string }
  | { kind: 'malformed'; problem: string };

const envelopeSchema = z.object({ ok: z.literal(true), result: z.unknown() });
const eventNameSchema = z.object({ event_name: z.string().max(128) });

/** Reads a raw update, flat or wrapped in `{ ok, result }` (webhook bodies come both ways). Never throws. */
export function parseUpdate(raw: unknown): ParsedUpdate {
  const envelope = envelopeSchema.safeParse(raw);
  const body = envelope.success ? envelope.data.result : raw;
  const named = eventNameSchema.safeParse(body);
  if (!named.success) return { kind: 'malformed', problem: 'no event_name' };
  if (!(ZALO_EVENTS as readonly string[]).includes(named.data.event_name))
    return { kind: 'ignored', eventName: named.data.event_name };
  const parsed = zaloUpdateSchema.safeParse(body);
  if (parsed.success) return { kind: 'update', update: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'malformed', problem: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid update' };
}
