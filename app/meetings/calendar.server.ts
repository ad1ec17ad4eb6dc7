import { createEvent, type Attendee, type EventAttributes } from "ics";
import type { Meeting } from "../../db/meetings";

/**
 * The one iCalendar helper: the public download, invites, updates and cancellations all
 * come from here, so UID, SEQUENCE and METHOD stay consistent across them.
 */
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
}

export const meetingUid = (meeting: Pick<Meeting, "id">, domain: string) =>
  `meeting-${meeting.id}@${domain}`;

/** "Name <address>" or a bare address, as in MAIL_FROM. */
export function parseMailbox(value: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(value);
  if (match) return { name: match[1]!.trim(), email: match[2]!.trim() };
  return { name: value.trim(), email: value.trim() };
}

export function meetingCalendar(meeting: Meeting, options: CalendarOptions): string {
  const cancelled = options.cancelled || meeting.status === "cancelled";
  const location = [meeting.venueName, meeting.address].filter(Boolean).join(", ");
  const description = [meeting.description.split("\n\n")[0], options.meetingUrl]
    .filter(Boolean)
    .join("\n\n");
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
  const attributes: EventAttributes = {
    productId: "-//Roros kommune//folkemote//NO",
    method: options.method,
    uid: meetingUid(meeting, options.uidDomain),
    sequence: meeting.sequence,
    start: Date.parse(meeting.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(meeting.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: meeting.title,
    description,
    location,
    url: options.meetingUrl,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    organizer: options.method === "PUBLISH" ? undefined : options.organizer,
    attendees: options.method === "PUBLISH" ? undefined : attendees,
    lastModified: Date.parse(meeting.updatedAt),
    created: Date.parse(meeting.createdAt),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error("ics returned no calendar");
  return value;
}

/** A CN parameter may not hold quotes or control characters; names are citizens' free text. */
function calendarSafe(name: string): string {
  return name.replace(/["\\\p{Cc}]/gu, "").trim();
}
