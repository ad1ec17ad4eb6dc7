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
import { calendarFilename, mailTexts } from "../../emails/texts";
import type { OnlinePart } from "../../emails/layout";
import { attachClaimOutbox, claimAttendeeMail } from "../../db/attendee-mail-claims";
import { streamAccess } from "./stream.server";
import type { PageLanguage } from "../i18n";
import {
  addToCalendarLinks,
  meetingCalendar,
  parseMailbox,
  type CalendarMethod,
  type CalendarOptions,
} from "../meetings/calendar.server";
import { meetingUrlOf } from "../meetings/links.server";
import { localisedMeeting } from "../meetings/meeting-texts.server";
import { formatDateTime, formatMeetingTime } from "../platform/dates";
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

type Attendee = Pick<
  Registration,
  "id" | "name" | "email" | "partySize" | "language" | "attendance" | "status"
>;

/**
 * How one attendee's mail and calendar copy speak of attending online, as the stream rule
 * (stream.server.ts) has it now: `attendance` is told where the meeting offers both ways,
 * `online` is for an online attendee.
 */
export function onlineParts(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Pick<Registration, "attendance" | "status" | "language">,
): { attendance: "hall" | "online" | null; online: OnlinePart | null } {
  const attendance = meeting.attendance === "both" ? registration.attendance : null;
  if (registration.attendance !== "online") return { attendance, online: null };
  const access = streamAccess(ctx.db, meeting, registration);
  const ask = `${href("/meetings/:slug/questions/new", { slug: meeting.slug })}?from=online`;
  return {
    attendance,
    online: {
      stream: access?.state === "open" ? { url: access.url, dialIn: access.dialIn } : null,
      revealsAt:
        access?.state === "later" ? formatDateTime(access.revealsAt, registration.language) : null,
      askUrl: linkInLanguage(absoluteUrl(ctx.publicUrl, ask), registration.language),
    },
  };
}

/** An online attendee's calendar copy: online as its place, the stream as its link once out. */
function onlineCalendar(
  online: OnlinePart | null,
  language: Registration["language"],
): CalendarOptions["online"] {
  if (!online) return undefined;
  const { t } = mailTexts(language);
  const { stream } = online;
  const note = stream
    ? [
        stream.url ? t("calendar.online.link", { url: stream.url }) : "",
        stream.dialIn ? t("online.dialIn", { dialIn: stream.dialIn }) : "",
      ]
        .filter(Boolean)
        .join("\n")
    : online.revealsAt
      ? t("calendar.online.later", { revealsAt: online.revealsAt })
      : t("online.pending");
  return { location: t("calendar.online.location"), url: stream?.url ?? null, note };
}

/**
 * A mail that gives out the stream link counts as the attendee's stream mail: the scheduler
 * (app/reminders/attendee-mails.server.ts) sends none after it for the same start.
 */
export function noteStreamGiven(
  ctx: ServiceContext,
  meeting: Meeting,
  registrationId: number,
  outboxId: number,
) {
  claimAttendeeMail(ctx.db, registrationId, "stream", meeting.startsAt);
  attachClaimOutbox(ctx.db, registrationId, "stream", meeting.startsAt, outboxId);
}

/** The calendar part for one attendee's mail: the event's texts in their language where written. */
function attendeeCalendar(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Attendee,
  method: Exclude<CalendarMethod, "PUBLISH">,
): string {
  const { meeting: localised } = localisedMeeting(ctx.db, meeting, registration.language, []);
  return meetingCalendar(localised, {
    online: onlineCalendar(onlineParts(ctx, meeting, registration).online, registration.language),
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
  registration: Attendee,
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
  /** For the recording mail. */
  recordingUrl?: string | null;
}

/** The payload of a meeting mail to one attendee (also what the organiser's preview shows). */
export function meetingMailPayload(
  ctx: ServiceContext,
  meeting: Meeting,
  registration: Registration,
  input: Omit<MeetingMailInput, "purpose">,
): MeetingEmailProps {
  const { attendance, online } = onlineParts(ctx, meeting, registration);
  return {
    attendance,
    online,
    recordingUrl: input.recordingUrl ?? null,
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
  const payload = meetingMailPayload(ctx, meeting, registration, input);
  const outboxId = queueMail(ctx.db, "meeting", payload, {
    toAddress: registration.email,
    toName: registration.name,
    calendar: attendeeCalendarPart(ctx, meeting, registration, input.method),
    replyTo: replyTo(meeting),
    purpose: input.purpose,
    meetingId: meeting.id,
    owner: { registrationId: registration.id },
  });
  if (payload.online?.stream) noteStreamGiven(ctx, meeting, registration.id, outboxId);
  return outboxId;
}
