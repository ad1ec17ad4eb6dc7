/**
 * Meetings: what a meeting is, found by the slug of a public page or the id of an organiser's
 * page. Beside it: editor.server.ts holds organisers' changes (and the SEQUENCE of its
 * calendar event), calendar.server.ts the one iCalendar helper, crowd.server.ts the limits for
 * crowds. What the public sees with its seats is registrations/public-view.server.ts.
 */
import type { DB } from "../../db/connection";
import { getMeetingById, getMeetingBySlug, type Meeting } from "../../db/meetings";
import { notFound } from "../platform/refusal.server";

/** A meeting that is not there, or not public. */
export function meetingNotFound(): never {
  notFound({ title: "meeting.notFound.title", body: "meeting.notFound.body" });
}

/** The meeting an /admin/meetings/:id URL names, or 404. */
export function requireMeeting(db: DB, idParam: string | undefined): Meeting {
  const id = Number(idParam);
  const meeting = Number.isInteger(id) && id > 0 ? getMeetingById(db, id) : undefined;
  if (!meeting) notFound();
  return meeting;
}

/** A published (or cancelled, so people learn it is off) meeting by its slug, else 404. */
export function requirePublicMeeting(db: DB, slug: string): Meeting {
  const meeting = getMeetingBySlug(db, slug);
  if (!meeting || meeting.status === "draft") meetingNotFound();
  return meeting;
}
