/**
 * Change notices and organisers' messages to attendees.
 *
 * An organiser's edits of time or place, a cancellation or its reversal are recorded as
 * meeting_changes (app/meetings/editor.server.ts). They collect until the organiser sends one
 * notice from the preview page: several edits in a row become one mail per attendee, each kind
 * of change from its first "before" to its last "after". The mails are queued and the changes
 * marked notified in the same transaction, so a notice is neither lost nor sent twice.
 */
import type { DB } from "../../db/connection";
import { getMeetingById, type Meeting, type MeetingChange } from "../../db/meetings";
import { markNotified, unnotifiedChanges } from "../../db/meeting-notices";
import { listRegistrations, type Registration } from "../../db/registrations";
import type { MeetingEmailProps } from "../../emails/meeting-email";
import type { Organiser } from "../../db/organisers";
import { describeChangeValue } from "../meetings/changes";
import { renderEmail } from "../mail/render.server";
import { audit } from "../platform/audit.server";
import { Refusal } from "../platform/refusal.server";
import { change, type ServiceContext } from "../platform/service.server";
import { issueToken } from "../registrations/registrations.server";
import {
  meetingMailPayload,
  queueMeetingMail,
  type MeetingMailInput,
} from "../registrations/attendee-mail.server";

export type Audience = "all" | "confirmed" | "waitlisted";

/**
 * Everyone to be told about the meeting: confirmed and waitlisted, with or without an email
 * address. Mail reaches those with one (`recipients`); the rest must be phoned.
 */
export function attendeesToTell(
  db: DB,
  meetingId: number,
  audience: Audience = "all",
): Registration[] {
  return listRegistrations(db, meetingId).filter(
    (r) => r.status !== "cancelled" && (audience === "all" || r.status === audience),
  );
}

/** Those of `attendeesToTell` whom mail reaches. */
export function recipients(db: DB, meetingId: number, audience: Audience = "all"): Registration[] {
  return attendeesToTell(db, meetingId, audience).filter((r) => r.email !== null);
}

/**
 * Who a notice about these changes goes to: attendees who signed up after the last of them
 * already got the meeting as it is now in their confirmation.
 */
function noticeRecipients(db: DB, meetingId: number, pending: MeetingChange[]): Registration[] {
  const last = pending.reduce((latest, c) => (c.at > latest ? c.at : latest), "");
  return recipients(db, meetingId).filter((r) => r.createdAt <= last);
}

export interface PendingNotice {
  kind: "changed" | "cancelled" | "restored";
  changes: MeetingEmailProps["changes"];
  /** The newest change included: sending marks it and everything before it notified. */
  upToId: number;
}

/**
 * What one notice would say about the changes not yet told, or null when there is nothing to
 * tell (no changes, or edits that cancel each other out, such as a time moved and moved back).
 */
export function pendingNotice(meeting: Meeting, pending: MeetingChange[]): PendingNotice | null {
  if (pending.length === 0) return null;
  const upToId = Math.max(...pending.map((c) => c.id));
  const changes: MeetingEmailProps["changes"] = [];
  for (const kind of ["time", "place"] as const) {
    const ofKind = pending.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    const before = ofKind[0]!.before;
    const after = ofKind[ofKind.length - 1]!.after;
    if (before !== after) changes.push({ kind, before, after });
  }
  if (meeting.status === "cancelled") return { kind: "cancelled", changes, upToId };
  if (changes.length > 0) return { kind: "changed", changes, upToId };
  const statusChanges = pending.filter((c) => c.kind === "cancelled" || c.kind === "restored");
  // Restored after a cancellation attendees were told about. A cancellation and its reversal
  // both untold leave nothing to say.
  if (statusChanges[0]?.kind === "restored") return { kind: "restored", changes, upToId };
  return null;
}

function noticeInput(meeting: Meeting, notice: PendingNotice, registration: Registration) {
  // Only a held seat is in the attendee's calendar; the waitlist gets the words only.
  const held = registration.status === "confirmed";
  const method: MeetingMailInput["method"] = !held
    ? null
    : notice.kind === "cancelled"
      ? "CANCEL"
      : "REQUEST";
  // Each attendee reads the times in their own language.
  const changes = notice.changes.map((c) => ({
    kind: c.kind,
    before: describeChangeValue(c.kind, c.before, registration.language),
    after: describeChangeValue(c.kind, c.after, registration.language),
  }));
  return { kind: notice.kind, changes, method };
}

export interface NoticePreview {
  meeting: Meeting;
  pending: MeetingChange[];
  notice: PendingNotice | null;
  recipients: { confirmed: number; waitlisted: number; total: number };
  /** The mail as the first recipient would get it, with a placeholder link. */
  sample: { subject: string; html: string; text: string } | null;
}

export async function noticePreview(
  ctx: ServiceContext,
  meeting: Meeting,
  message: string | null = null,
): Promise<NoticePreview> {
  const pending = unnotifiedChanges(ctx.db, meeting.id);
  const notice = pendingNotice(meeting, pending);
  const people = noticeRecipients(ctx.db, meeting.id, pending);
  const confirmed = people.filter((r) => r.status === "confirmed").length;
  let sample: NoticePreview["sample"] = null;
  if (notice) {
    // Organisers read bokmål (ADR 0011), whatever language the sample attendee chose.
    const example: Registration = {
      ...(people[0] ??
        ({
          id: 0,
          name: "Kari Nordmann",
          partySize: 1,
          status: "confirmed",
          waitlistedAt: null,
          meetingId: meeting.id,
        } as Registration)),
      language: "nb",
    };
    const payload = meetingMailPayload(ctx, meeting, example, {
      ...noticeInput(meeting, notice, example),
      message,
      manageToken: "personlig-lenke",
    });
    const rendered = await renderEmail("meeting", payload);
    sample = { subject: rendered.subject, html: rendered.html, text: rendered.text };
  }
  return {
    meeting,
    pending,
    notice,
    recipients: { confirmed, waitlisted: people.length - confirmed, total: people.length },
    sample,
  };
}

/**
 * Sends the notice: one mail per attendee, with the calendar update or cancellation for those
 * who hold a seat, and marks the changes up to `upToId` notified, all in one transaction. A
 * second press of the button (or a stale preview) finds nothing left and sends nothing.
 */
export function sendChangeNotice(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  { upToId, message }: { upToId: number; message: string | null },
): { sent: number } {
  return change(ctx, () => {
    const meeting = getMeetingById(ctx.db, meetingId);
    const pending = meeting ? unnotifiedChanges(ctx.db, meetingId, upToId) : [];
    if (!meeting || pending.length === 0) throw new Refusal("notice.alreadySent", { status: 409 });
    const notice = pendingNotice(meeting, pending);
    let sent = 0;
    if (notice) {
      for (const registration of noticeRecipients(ctx.db, meetingId, pending)) {
        queueMeetingMail(ctx, meeting, registration, {
          ...noticeInput(meeting, notice, registration),
          message,
          manageToken: issueToken(ctx.db, registration.id),
          purpose: "notice",
        });
        sent++;
      }
    }
    markNotified(
      ctx.db,
      pending.map((c) => c.id),
    );
    audit(ctx.db, organiser, "meeting.notify", {
      meetingId,
      target: meeting.title,
      details: {
        kind: notice?.kind ?? "none",
        recipients: sent,
        changes: pending.map((c) => c.id),
      },
    });
    return { sent };
  });
}

/** An organiser's own message to attendees (all, confirmed or waitlisted), through the outbox. */
export function sendMessageToAttendees(
  ctx: ServiceContext,
  organiser: Organiser,
  meetingId: number,
  { audience, subject, message }: { audience: Audience; subject: string; message: string },
): { sent: number } {
  return change(ctx, () => {
    const meeting = getMeetingById(ctx.db, meetingId)!;
    let sent = 0;
    for (const registration of recipients(ctx.db, meetingId, audience)) {
      queueMeetingMail(ctx, meeting, registration, {
        kind: "message",
        subject,
        message,
        method: null,
        manageToken: issueToken(ctx.db, registration.id),
        purpose: "message",
      });
      sent++;
    }
    audit(ctx.db, organiser, "meeting.message", {
      meetingId,
      target: meeting.title,
      details: { audience, subject, recipients: sent },
    });
    return { sent };
  });
}
