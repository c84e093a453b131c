/**
 * Whether a claim made at `claimedAt` (ISO time) that never finished has outlived its lease at `now`: its owner is
 * taken to have died mid-way, so the work may be taken again.
 */
export function leaseExpired(claimedAt: string, now: Date, leaseMs: number): boolean {
  return now.getTime() - Date.parse(claimedAt) >= leaseMs;
}
