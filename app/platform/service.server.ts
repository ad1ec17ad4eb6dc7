import { immediate, type DB } from "../../db/connection";

/** What the domain services need from the running app (built in app/services.server.ts). */
export interface ServiceContext {
  db: DB;
  publicUrl: string;
  mailFrom: string;
  /** Days after a meeting when attendees' personal data is erased (RETENTION_DAYS); told in mail. */
  retentionDays?: number;
  /** Called after a transaction that queued mail commits, to wake the mail worker. */
  onMailQueued?: () => void;
  /**
   * Fills the seats a change to a meeting may have freed (more capacity, published again) from
   * its waitlist, inside the change's transaction. The rule is the registrations' own
   * (`fillFreeSeats` in registrations.server.ts); the composition module hands it in, so the
   * meetings folder, below registrations, need not know it.
   */
  fillFreeSeats?: (ctx: ServiceContext, meetingId: number) => void;
}

/**
 * Runs a change in one BEGIN IMMEDIATE transaction, then wakes the mail worker: mail queued
 * inside the change goes out only once the change has committed.
 */
export function change<T>(ctx: ServiceContext, fn: () => T): T {
  const result = immediate(ctx.db, fn);
  ctx.onMailQueued?.();
  return result;
}
