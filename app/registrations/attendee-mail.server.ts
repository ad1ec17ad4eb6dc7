/**
 * Mail to one attendee about their meeting: the calendar part with their own SEQUENCE, the
 * facts every mail repeats, and the outbox row with Reply-To and an attachment name, all in the
 * attendee's language.
 * Registration mail, change notices, reminders and organisers' messages all come through here.
 */
import { href } from "react-router";
import { linkInLanguage } from "../platform/language.server";
import type { DB } from "../../db/connection";
import { registrationBumps } from "../../db/calendar-sequences";
import type { AgendaItem, Meeting } from "../../db/meetings";
import type * as outbox from "../../db/outbox";
import type { Registration } from "../../db/registrations";
import { waitlistPosition } from "../../db/registrations";
import type { MeetingEmailProps } from "../../emails/meeting-email";
import { calendarFilename } from "../../emails/texts";
import type { PageLanguage } from "../i18n";
import {
  addToCalendarLinks,
  meetingCalendar,
  parseMailbox,
  type CalendarMethod,
} from "../meetings/calendar.server";
import { meetingUrlOf } from "../meetings/links.server";
import { localisedMeeting } from "../meetings/meeting-texts.server";
import { formatMeetingTime } from "../platform/dates";
import { absoluteUrl } from "../platform/paths";
import type { ServiceContext } from "../platform/service.server";
import { queueMail, type MailEnvelope } from "../mail/queue.server";

/**
 * The SEQUENCE of one attendee's copy of the event: the meeting's own (time, place, status)
 * plus the attendee's own changes (cancelling, joining again). Both only rise, so every
 * message a person gets carries a higher SEQUENCE than the one before it.
 */
function calendarSequence(
  db: DB,
  meeting: Pick<Meeting, "sequence">,
  registrationId: number,
): number {
  return meeting.sequence + registrationBumps(db, registrationId);
}

/** The calendar part for one attendee's mail: the event's texts in their language where written. */
function attendeeCalendar(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Pick<Registration, "id" | "name" | "email" | "partySize" | "language">,
  method: Exclude<CalendarMethod, "PUBLISH">,
): string {
  const { meeting: localised } = localisedMeeting(ctx.db, meeting, registration.language, []);
  return meetingCalendar(localised, {
    method,
    meetingUrl: meetingUrlOf(ctx, meeting),
    uidDomain: new URL(ctx.publicUrl).hostname,
    organizer: parseMailbox(ctx.mailFrom),
    attendee: {
      name: registration.name,
      email: registration.email!,
      partySize: registration.partySize,
    },
    cancelled: method === "CANCEL",
    sequence: calendarSequence(ctx.db, meeting, registration.id),
  });
}

/** The calendar part of a mail to an attendee, named in their language; none without a method. */
export function attendeeCalendarPart(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Pick<Registration, "id" | "name" | "email" | "partySize" | "language">,
  method: Exclude<CalendarMethod, "PUBLISH"> | null,
): MailEnvelope["calendar"] {
  if (!method) return null;
  return {
    method,
    ical: attendeeCalendar(ctx, meeting, registration, method),
    filename: calendarFilename(method, registration.language)!,
  };
}

function contactLine(meeting: Meeting): string | null {
  const parts = [meeting.contactName, meeting.contactPhone, meeting.contactEmail].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

/** Replies go to the meeting's contact person, not to the no-reply sender. */
export function replyTo(meeting: Meeting): string | null {
  return meeting.contactEmail ?? null;
}

const agendaLine = (a: AgendaItem) => (a.timeLabel ? `${a.timeLabel} ${a.title}` : a.title);

export function meetingFacts(
  ctx: ServiceContext,
  meeting: Meeting,
  language: PageLanguage = "nb",
): MeetingEmailProps["meeting"] {
  // The meeting's own texts in the reader's language where written (meeting-texts.server.ts).
  const { meeting: m, agenda, fallback } = localisedMeeting(ctx.db, meeting, language);
  return {
    title: m.title,
    when: formatMeetingTime(meeting.startsAt, meeting.endsAt, language),
    venueName: meeting.venueName,
    address: meeting.address,
    mapUrl: meeting.mapUrl,
    accessibility: m.accessibility,
    url: meetingUrlOf(ctx, meeting),
    contact: contactLine(meeting),
    whatToBring: m.whatToBring,
    agenda: agenda.map(agendaLine),
    textLang: {
      title: fallback.title,
      accessibility: fallback.accessibility,
      whatToBring: fallback.whatToBring,
      agenda: fallback.agenda,
    },
  };
}

export interface MeetingMailInput {
  kind: MeetingEmailProps["kind"];
  manageToken: string;
  changes?: MeetingEmailProps["changes"];
  message?: string | null;
  subject?: string | null;
  /** REQUEST (update / reminder), CANCEL, or none. */
  method: Exclude<CalendarMethod, "PUBLISH"> | null;
  purpose: outbox.OutboxPurpose;
}

/** The payload of a meeting mail to one attendee (also what the organiser's preview shows). */
export function meetingMailPayload(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  input: Omit<MeetingMailInput, "purpose">,
): MeetingEmailProps {
  return {
    language: registration.language,
    kind: input.kind,
    name: registration.name,
    status: registration.status === "waitlisted" ? "waitlisted" : "confirmed",
    partySize: registration.partySize,
    waitlistPosition: waitlistPosition(ctx.db, registration),
    manageUrl: linkInLanguage(
      absoluteUrl(ctx.publicUrl, href("/r/:token", { token: input.manageToken })),
      registration.language,
    ),
    changes: input.changes ?? [],
    message: input.message ?? null,
    subject: input.subject ?? null,
    meeting: meetingFacts(ctx, meeting, registration.language),
    retentionDays: ctx.retentionDays,
    calendarAttached: input.method !== null,
    calendarLinks: meeting.status === "published" ? addToCalendarLinks(ctx, meeting) : null,
  };
}

/** Queues one meeting mail in the caller's transaction; returns the outbox id. */
export function queueMeetingMail(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  input: MeetingMailInput,
): number {
  if (!registration.email) throw new Error("registration has no email");
  return queueMail(ctx.db, "meeting", meetingMailPayload(ctx, meeting, registration, input), {
    toAddress: registration.email,
    toName: registration.name,
    calendar: attendeeCalendarPart(ctx, meeting, registration, input.method),
    replyTo: replyTo(meeting),
    purpose: input.purpose,
    meetingId: meeting.id,
    owner: { registrationId: registration.id },
  });
}
