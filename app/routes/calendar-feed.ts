import { services } from "~/platform/context.server";
import { feedCalendar } from "~/meetings/calendar-feed.server";
import { isOfferedLanguage } from "~/i18n";
import type { Route } from "./+types/calendar-feed";

/** All published meetings as a subscription (webcal://) feed; cancelled ones stay, marked cancelled. */
export function loader({ request }: Route.LoaderArgs) {
  const { db, service } = services();
  const lang = new URL(request.url).searchParams.get("lang");
  return new Response(feedCalendar(db, service, isOfferedLanguage(lang) ? lang : undefined), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": 'inline; filename="folkemoter.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
