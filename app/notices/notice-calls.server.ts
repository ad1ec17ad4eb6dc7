/**
 * Change notices by phone. An attendee an organiser added without an email address (someone
 * who phoned in) gets no notice mail, so the notice page and the dashboard list them with
 * their numbers, and the organiser marks each one called. A call is stored against the newest
 * change it told about: a later change asks for a new call. Retention erases the marks with
 * the rest of the attendee's personal data (db/registrations.ts anonymiseRegistrations).
 */
import { immediate, type DB } from "../../db/connection";
import { listMeetingChanges, type Meeting, type MeetingChange } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { getRegistration, setCalled, type Registration } from "../../db/registrations";
import { audit } from "../platform/audit.server";
import { Refusal } from "../platform/refusal.server";
import { attendeesToTell, pendingNotice } from "./notices.server";

export interface PhoneCall {
  registrationId: number;
  name: string;
  /** Null: neither email nor phone was given, so this attendee cannot be told at all. */
  phone: string | null;
  partySize: number;
  status: "confirmed" | "waitlisted";
  /** The newest change a call tells about; marking the call stores it. */
  changeId: number;
  /** When the organiser marked the call about the latest changes; null while it is to make. */
  calledAt: string | null;
}

/**
 * What a call to this attendee is about: the changes since they signed up (what came before,
 * they were told when they were added), and of those the ones no call has told them yet.
 */
function callFor(meeting: Meeting, r: Registration, changes: MeetingChange[]): PhoneCall | null {
  const since = changes.filter((c) => c.at >= r.createdAt);
  if (since.length === 0) return null;
  const changeId = Math.max(...since.map((c) => c.id));
  const called = r.calledAboutChange !== null && r.calledAboutChange >= changeId;
  // Untold changes that cancel out (cancelled, then restored) leave nothing to phone about.
  const untold = since.filter((c) => c.id > (r.calledAboutChange ?? 0));
  if (!called && !pendingNotice(meeting, untold)) return null;
  return {
    registrationId: r.id,
    name: r.name,
    phone: r.phone || null,
    partySize: r.partySize,
    status: r.status === "waitlisted" ? "waitlisted" : "confirmed",
    changeId,
    calledAt: called ? r.calledAt : null,
  };
}

/**
 * Who hears about the meeting's changes only if an organiser phones them: confirmed and
 * waitlisted attendees without an email address, whether the notice mail has gone out yet
 * or not. Each is listed until the meeting is over, marked once called.
 */
export function noticeCalls(db: DB, meeting: Meeting, now = new Date()): PhoneCall[] {
  if (meeting.endsAt <= now.toISOString()) return [];
  const changes = listMeetingChanges(db, meeting.id).sort((a, b) => a.id - b.id);
  if (changes.length === 0) return [];
  return attendeesToTell(db, meeting.id)
    .filter((r) => r.email === null)
    .map((r) => callFor(meeting, r, changes))
    .filter((call): call is PhoneCall => call !== null);
}

/**
 * Marks (or unmarks) one attendee as phoned about the changes up to `changeId`. A page that
 * is behind, because a change came since or the attendee no longer needs the call, is refused.
 */
export function markCalled(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  {
    registrationId,
    changeId,
    called,
  }: { registrationId: number; changeId: number; called: boolean },
): Registration {
  return immediate(db, () => {
    const call = noticeCalls(db, meeting).find((p) => p.registrationId === registrationId);
    if (!call || call.changeId !== changeId || call.phone === null) {
      throw new Refusal("calls.stale", { status: 409 });
    }
    setCalled(db, registrationId, called ? changeId : null);
    audit(db, organiser, called ? "notice.called" : "notice.callUndone", {
      meetingId: meeting.id,
      target: call.name,
      details: { registrationId, changeId },
    });
    return getRegistration(db, registrationId)!;
  });
}
