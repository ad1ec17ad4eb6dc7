import { meetingCalendar, parseMailbox } from "~/meetings/calendar.server";
import { services } from "~/platform/context.server";
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { meetingUrlOf } from "~/meetings/links.server";
import { localisedMeeting } from "~/meetings/meeting-texts.server";
import { requestLanguage } from "~/platform/language.server";
import type { Route } from "./+types/meeting-calendar";

/**
 * The meeting for anyone's calendar: METHOD:PUBLISH, no attendees, no personal data; its
 * title and description in the reader's language where the organiser wrote them.
 */
export function loader({ params, request }: Route.LoaderArgs) {
  const { db, service, env } = services();
  const original = requirePublicMeeting(db, params.slug);
  const { meeting } = localisedMeeting(db, original, requestLanguage(request), []);
  const ics = meetingCalendar(meeting, {
    method: "PUBLISH",
    meetingUrl: meetingUrlOf(service, meeting),
    uidDomain: new URL(env.publicUrl).hostname,
    organizer: parseMailbox(env.MAIL_FROM),
  });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": `attachment; filename="${meeting.slug}.ics"`,
      "Cache-Control": "no-cache",
      Vary: "Cookie",
    },
  });
}
