import { href } from "react-router";
import type { DB } from "../../db/connection";
import { listForCalendarFeed } from "../../db/meetings";
import { translator } from "../i18n";
import { meetingUrlOf } from "./links.server";
import { absoluteUrl } from "../platform/paths";
import type { ServiceContext } from "../platform/service.server";
import { addToCalendarLinks, meetingsFeed } from "./calendar.server";
import type { Meeting } from "../../db/meetings";

/** How far back the feed reaches: recent meetings stay, so a subscriber's history is kept. */
const FEED_HISTORY_DAYS = 90;

export function feedCalendar(db: DB, ctx: Pick<ServiceContext, "publicUrl">): string {
  const since = new Date(Date.now() - FEED_HISTORY_DAYS * 24 * 3_600_000).toISOString();
  return meetingsFeed(
    listForCalendarFeed(db, since).map((meeting) => ({
      meeting,
      meetingUrl: meetingUrlOf(ctx, meeting),
    })),
    { uidDomain: new URL(ctx.publicUrl).hostname, calendarName: translator()("calendar.feedName") },
  );
}

/** The feed's address for "subscribe": webcal:// makes calendar apps subscribe, not import. */
export function feedUrls(publicUrl: string) {
  const https = absoluteUrl(publicUrl, href("/calendar.ics"));
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** Web-calendar links for a meeting page, or null when there is nothing to add (cancelled). */
export function calendarLinksFor(ctx: Pick<ServiceContext, "publicUrl">, meeting: Meeting) {
  if (meeting.status !== "published") return null;
  const { google, outlook, office365 } = addToCalendarLinks(ctx, meeting);
  return { google, outlook, office365 };
}
