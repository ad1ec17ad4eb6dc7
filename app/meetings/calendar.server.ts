/**
 * The one iCalendar helper: the public download, the subscription feed, invites, updates,
 * cancellations and reminders all come from here, so UID, SEQUENCE, METHOD and the line
 * folding stay consistent across them. The "add to calendar" links live here too, so their
 * times are the same instants the .ics files carry.
 */
import { randomUUID } from "node:crypto";
import { createEvent, createEvents, type Attendee, type EventAttributes } from "ics";
import type { Meeting } from "../../db/meetings";
import { memo } from "../platform/memo";
import type { ServiceContext } from "../platform/service.server";
import { meetingCalendarUrlOf, meetingUrlOf } from "./links.server";
import { markdownToPlainText } from "./markdown.server";

export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface CalendarOptions {
  method: CalendarMethod;
  meetingUrl: string;
  /** Host part of PUBLIC_URL: UIDs must be globally unique and stable per meeting. */
  uidDomain: string;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string; partySize: number };
  /** An attendee's own cancellation: their copy of the event is cancelled, not the meeting. */
  cancelled?: boolean;
  /**
   * An online attendee's copy (ADR 0016): "online" for a place, the stream as its link once it
   * may be given out, and a line on when it comes until then.
   */
  online?: { location: string; url: string | null; note: string };
  /**
   * SEQUENCE for this copy. Defaults to the meeting's; an attendee's copy adds their own
   * changes (see calendarSequence in app/registrations/attendee-mail.server.ts).
   */
  sequence?: number;
}

const meetingUid = (meeting: Pick<Meeting, "id">, domain: string) =>
  `meeting-${meeting.id}@${domain}`;

/** "Name <address>" or a bare address, as in MAIL_FROM. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(value);
  if (match) return { name: match[1]!.trim(), email: match[2]!.trim() };
  return { name: value.trim(), email: value.trim() };
}

const PRODUCT_ID = "-//Roros kommune//folkemote//NO";

/** What ics is given for one file; exported for the tests, which make the file with ics alone. */
export function eventAttributes(meeting: Meeting, options: CalendarOptions): EventAttributes {
  const cancelled = options.cancelled || meeting.status === "cancelled";
  const attendees: Attendee[] | undefined = options.attendee
    ? [
        {
          name: calendarSafe(options.attendee.name),
          email: options.attendee.email,
          rsvp: false,
          partstat: cancelled ? "DECLINED" : "ACCEPTED",
          role: "REQ-PARTICIPANT",
          xNumGuests: options.attendee.partySize > 1 ? options.attendee.partySize - 1 : undefined,
        },
      ]
    : undefined;
  return {
    productId: PRODUCT_ID,
    method: options.method,
    uid: meetingUid(meeting, options.uidDomain),
    sequence: options.sequence ?? meeting.sequence,
    start: Date.parse(meeting.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(meeting.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: meeting.title,
    description: [eventDescription(meeting, options.meetingUrl), options.online?.note]
      .filter(Boolean)
      .join("\n\n"),
    location: options.online?.location ?? eventLocation(meeting),
    url: options.online?.url ?? options.meetingUrl,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    // A cancelled meeting must not keep the evening blocked in anyone's calendar.
    busyStatus: cancelled ? "FREE" : "BUSY",
    transp: cancelled ? "TRANSPARENT" : "OPAQUE",
    organizer: options.method === "PUBLISH" ? undefined : options.organizer,
    attendees: options.method === "PUBLISH" ? undefined : attendees,
    lastModified: Date.parse(meeting.updatedAt),
    created: Date.parse(meeting.createdAt),
  };
}

const eventLocation = (meeting: Pick<Meeting, "venueName" | "address">) =>
  [meeting.venueName, meeting.address].filter(Boolean).join(", ");

/** The description's first paragraph, as plain text (calendars show no Markdown), and the link. */
const eventDescription = (meeting: Pick<Meeting, "description">, url: string) =>
  [markdownToPlainText(meeting.description, { summary: true }), url].filter(Boolean).join("\n\n");

export function meetingCalendar(meeting: Meeting, options: CalendarOptions): string {
  const attributes = eventAttributes(meeting, options);
  const person = attributes.attendees?.[0];
  // A name calendarSafe() empties is left to ics, which writes its own placeholder for it.
  if (person && !person.name) return foldOctets(formatted(attributes));
  const skeleton = skeletonOf(attributes);
  // Functions as replacements: a "$&" in a citizen's name stays text.
  let ics = skeleton.replace(STAMP_SLOT, () => `DTSTAMP:${compactUtc(new Date().toISOString())}`);
  if (person) {
    ics = ics.replace(NAME_SLOT, () => person.name!).replace(EMAIL_SLOT, () => person.email!);
  }
  return foldOctets(ics);
}

function formatted(attributes: EventAttributes): string {
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("ics returned no calendar");
  return value;
}

/*
 * One calendar per content, filled in per person (as emails/skeleton.ts does for mail HTML).
 * ics validates every event against its schema, about 0.7 ms a file here, which a
 * 10,000-reminder fan-out would spend on the request loop for files that differ only in the
 * attendee's name and address and the DTSTAMP. So ics formats each distinct content once,
 * with slots where those go, and every file is that text with them filled in. The key is
 * every attribute of the event with the slots in, so nothing else can differ between the
 * files a skeleton makes. ics puts the name in CN="…" as it is (calendarSafe() has taken out
 * the quotes it would escape) and the address after "mailto:", so filling the slots gives
 * the text ics would have written; the tests compare the two.
 */
const SLOT = `folkemote-slot-${randomUUID()}`;
const NAME_SLOT = `${SLOT}-name`;
const EMAIL_SLOT = `${SLOT}@attendee.invalid`;
const STAMP_SLOT = `DTSTAMP:${SLOT}`;
// A few meetings, languages and methods at a time.
const skeletons = memo<string>(200);

function skeletonOf(attributes: EventAttributes): string {
  const withSlots: EventAttributes = {
    ...attributes,
    attendees: attributes.attendees?.map((a) => ({ ...a, name: NAME_SLOT, email: EMAIL_SLOT })),
  };
  // Unfolded, so no slot is cut by a fold; foldOctets folds the filled-in file.
  return skeletons(JSON.stringify(withSlots), () =>
    unfold(formatted(withSlots)).replace(/^DTSTAMP:\S+$/m, STAMP_SLOT),
  );
}

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

/**
 * The subscription feed: every published or cancelled meeting as METHOD:PUBLISH. A cancelled
 * meeting stays in, marked CANCELLED, so subscribers' calendars learn of it instead of the
 * event silently vanishing (which many clients would not notice).
 */
export function meetingsFeed(
  meetings: { meeting: Meeting; meetingUrl: string }[],
  options: { uidDomain: string; calendarName: string },
): string {
  const events = meetings.map(({ meeting, meetingUrl }) => {
    // ics puts METHOD and PRODID in the header; per event they must be left out.
    const {
      method: _m,
      productId: _p,
      ...event
    } = eventAttributes(meeting, {
      method: "PUBLISH",
      meetingUrl,
      uidDomain: options.uidDomain,
      organizer: { name: "", email: "" },
    });
    return event as EventAttributes;
  });
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    method: "PUBLISH",
    calName: options.calendarName,
  });
  if (error || !value) throw error ?? new Error("ics returned no calendar");
  return foldOctets(value);
}

/**
 * Refolds content lines at 75 octets (RFC 5545 §3.1). The ics package folds at 75
 * characters, so a line with æøå runs to 76–79 octets, which strict parsers refuse. Lines
 * are unfolded first and cut only between characters, never inside a UTF-8 sequence.
 */
export function foldOctets(ics: string): string {
  const lines = unfold(ics).split("\r\n");
  const out: string[] = [];
  for (const line of lines) {
    if (Buffer.byteLength(line, "utf8") <= 75) {
      out.push(line);
      continue;
    }
    let current = "";
    let octets = 0;
    let limit = 75;
    for (const char of line) {
      const size = Buffer.byteLength(char, "utf8");
      if (octets + size > limit) {
        out.push(current);
        current = " ";
        octets = 1;
        limit = 75;
      }
      current += char;
      octets += size;
    }
    out.push(current);
  }
  return out.join("\r\n");
}

/** A CN parameter may not hold quotes or control characters; names are citizens' free text. */
function calendarSafe(name: string): string {
  return name.replace(/["\\\p{Cc}]/gu, "").trim();
}

export interface AddToCalendarLinks {
  google: string;
  outlook: string;
  office365: string;
  ics: string;
}

/** "2026-12-10T18:00:00.000Z" → "20261210T180000Z" */
const compactUtc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
/** Outlook's deeplink wants ISO 8601 with the Z. */
const isoUtc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Links that open the meeting in Google Calendar, Outlook.com and Office 365 with the same
 * UTC start and end as the .ics file, and the .ics download itself.
 */
export function addToCalendarLinks(
  ctx: Pick<ServiceContext, "publicUrl">,
  meeting: Meeting,
): AddToCalendarLinks {
  const meetingUrl = meetingUrlOf(ctx, meeting);
  const details = eventDescription(meeting, meetingUrl);
  const location = eventLocation(meeting);
  const google = new URL("https://calendar.google.com/calendar/render");
  google.search = new URLSearchParams({
    action: "TEMPLATE",
    text: meeting.title,
    dates: `${compactUtc(meeting.startsAt)}/${compactUtc(meeting.endsAt)}`,
    details,
    location,
    ctz: "Europe/Oslo",
  }).toString();
  const outlookParams = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: meeting.title,
    startdt: isoUtc(meeting.startsAt),
    enddt: isoUtc(meeting.endsAt),
    body: details,
    location,
  }).toString();
  return {
    google: google.toString(),
    outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${outlookParams}`,
    office365: `https://outlook.office.com/calendar/0/deeplink/compose?${outlookParams}`,
    ics: meetingCalendarUrlOf(ctx, meeting),
  };
}
