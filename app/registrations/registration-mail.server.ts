/**
 * The mail a registration's changes send: confirmation, waitlist, promotion, update, link and
 * cancellation, each with the personal link in the attendee's language and, for a held seat,
 * the calendar invite and the check-in code. The rules that decide which change happens live in
 * registrations.server.ts; this module only words and queues the result.
 */
import { localisedMeeting } from "../meetings/meeting-texts.server";
import { href } from "react-router";
import type { Meeting } from "../../db/meetings";
import { waitlistPosition, type Registration } from "../../db/registrations";
import type {
  RegistrationEmailKind,
  RegistrationEmailProps,
} from "../../emails/registration-email";
import { queueMail } from "../mail/queue.server";
import { addToCalendarLinks } from "../meetings/calendar.server";
import { linkInLanguage } from "../platform/language.server";
import { absoluteUrl } from "../platform/paths";
import type { ServiceContext } from "../platform/service.server";
import {
  attendeeCalendarPart,
  meetingFacts,
  noteStreamGiven,
  onlineParts,
  replyTo,
} from "./attendee-mail.server";

/** The personal link: change or cancel a registration. */
export const manageUrl = (ctx: Pick<ServiceContext, "publicUrl">, token: string) =>
  absoluteUrl(ctx.publicUrl, href("/r/:token", { token }));
/** What the QR code on a confirmation opens: the organisers' check-in page for this code. */
export const checkInUrl = (
  ctx: Pick<ServiceContext, "publicUrl">,
  meetingId: number,
  code: string,
) =>
  absoluteUrl(ctx.publicUrl, href("/admin/meetings/:id/checkin", { id: String(meetingId) })) +
  `?code=${encodeURIComponent(code)}`;

/** Queues the mail for a registration's new state, with its calendar part when a seat is held or given back. */
export function queueRegistrationEmail(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  kind: RegistrationEmailKind,
  token: string,
  { wasConfirmed = false } = {},
) {
  if (!registration.email) return;
  const status = registration.status;
  const { attendance, online } = onlineParts(ctx, meeting, registration);
  const payload: RegistrationEmailProps = {
    attendance,
    online,
    language: registration.language,
    kind,
    name: registration.name,
    partySize: registration.partySize,
    status,
    waitlistPosition: waitlistPosition(ctx.db, registration),
    manageUrl: linkInLanguage(manageUrl(ctx, token), registration.language),
    meeting: meetingFacts(ctx, meeting, registration.language),
    calendarLinks:
      status === "confirmed" && meeting.status === "published"
        ? addToCalendarLinks(
            ctx,
            localisedMeeting(ctx.db, meeting, registration.language, []).meeting,
          )
        : null,
    // The door is the hall's: someone following online has no code to show there.
    checkIn:
      status === "confirmed" && registration.attendance === "hall"
        ? {
            code: registration.checkInCode,
            url: checkInUrl(ctx, meeting.id, registration.checkInCode),
          }
        : null,
    canRejoin: status === "cancelled" && registration.cancelledBy !== "organiser",
    retentionDays: ctx.retentionDays,
  };
  // Only a held seat goes into the calendar; a cancelled seat is taken out of it again.
  let method: "REQUEST" | "CANCEL" | null = null;
  if (status === "confirmed") method = "REQUEST";
  else if (status === "cancelled" && wasConfirmed) method = "CANCEL";
  const outboxId = queueMail(ctx.db, "registration", payload, {
    toAddress: registration.email,
    toName: registration.name,
    calendar: attendeeCalendarPart(ctx, meeting, registration, method),
    replyTo: replyTo(meeting),
    purpose: "registration",
    meetingId: meeting.id,
    owner: { registrationId: registration.id },
  });
  if (online?.stream) noteStreamGiven(ctx, meeting, registration.id, outboxId);
}
