/**
 * The audit log: who did what, when, to which meeting. Every domain records its organisers'
 * changes here, so it stands in platform; retention erases names and addresses in it.
 */
import { countAudit, insertAudit, listAudit } from "../../db/audit";
import type { DB } from "../../db/connection";
import type { Organiser } from "../../db/organisers";

/** Who did it: a logged-in organiser, the command-line tool, or the first-run setup page. */
export type AuditActor =
  Pick<Organiser, "id" | "name" | "email"> | "cli" | "setup" | "anonymous" | "citizen";

export interface AuditExtra {
  meetingId?: number | null;
  target?: string | null;
  details?: Record<string, unknown> | null;
}

/** The actor as people will read it later, even after the account is renamed or deleted. */
function actorLabel(actor: AuditActor): string {
  if (actor === "cli") return "command line";
  if (actor === "setup") return "first-run setup";
  if (actor === "anonymous") return "not logged in";
  if (actor === "citizen") return "the person themselves, through their own link";
  return `${actor.name} <${actor.email}>`;
}

/**
 * Records who did what. Actions are dotted names, subject first: "organiser.create",
 * "organiser.passwordReset", "meeting.update", "registration.cancel".
 */
export function audit(db: DB, actor: AuditActor, action: string, extra: AuditExtra = {}): number {
  return insertAudit(db, {
    organiserId: typeof actor === "string" ? null : actor.id,
    actor: actorLabel(actor),
    action,
    meetingId: extra.meetingId ?? null,
    target: extra.target ?? null,
    details: extra.details ?? null,
  });
}

/**
 * One page of the log, newest first. `page` comes from the address bar: anything that is
 * not a page number that exists (negative, huge, not a number) shows the nearest page that
 * does, so SQLite never sees an offset it cannot hold.
 */
export function auditPage(db: DB, page: number, pageSize = 50) {
  const total = countAudit(db);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Number.isNaN(page) ? 1 : Math.min(pages, Math.max(1, Math.trunc(page)));
  return {
    entries: listAudit(db, { limit: pageSize, offset: (shown - 1) * pageSize }),
    page: shown,
    pages,
  };
}
