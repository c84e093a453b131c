import type { InviteStore, Role } from '../../src/tasks/index.js';

/** Writes a one-time invite to plan nhi-chieu valid for a day from now, as `npm run cli -- invite` would. */
export async function addDayInvite(
  invites: InviteStore,
  invite: { code: string; role: Role; unit: string | null },
  now = new Date(),
): Promise<void> {
  await invites.create({
    ...invite,
    plan: 'nhi-chieu',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
    usedAt: null,
    usedBy: null,
  });
}
