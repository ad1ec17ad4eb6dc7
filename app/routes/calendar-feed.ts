import { services } from "~/platform/context.server";
import { feedCalendar } from "~/meetings/calendar-feed.server";

/** All published meetings as a subscription (webcal://) feed; cancelled ones stay, marked cancelled. */
export function loader() {
  const { db, service } = services();
  return new Response(feedCalendar(db, service), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": 'inline; filename="folkemoter.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
