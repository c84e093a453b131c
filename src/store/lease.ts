/**
 * Whether a claim made at `claimedAt` (ISO text in SQLite, a Date from PostgreSQL) that never finished has outlived
 * its lease at `now`: its owner is taken to have died mid-way, so the work may be taken again.
 */
export function leaseExpired(claimedAt: string | Date, now: Date, leaseMs: number): boolean {
  return now.getTime() - new Date(claimedAt).getTime() >= leaseMs;
}
