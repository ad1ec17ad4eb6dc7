import type { DB } from "./connection";

/** How often this registration's own copy of the event changed (own cancel, re-join). */
export function registrationBumps(db: DB, registrationId: number): number {
  const row = db
    .prepare("SELECT bumps FROM calendar_sequences WHERE registration_id = ?")
    .get(registrationId) as { bumps: number } | undefined;
  return row?.bumps ?? 0;
}

export function bumpRegistration(db: DB, registrationId: number): number {
  db.prepare(
    `INSERT INTO calendar_sequences (registration_id, bumps) VALUES (?, 1)
     ON CONFLICT (registration_id) DO UPDATE SET bumps = bumps + 1`,
  ).run(registrationId);
  return registrationBumps(db, registrationId);
}
