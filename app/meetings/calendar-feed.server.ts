import { href } from "react-router";
import { localisedMeeting } from "./meeting-texts.server";
import type { DB } from "../../db/connection";
import { listForCalendarFeed } from "../../db/meetings";
import { defaultLanguage, translator, type PageLanguage } from "../i18n";
import { meetingUrlOf } from "./links.server";
import { absoluteUrl } from "../platform/paths";
import type { ServiceContext } from "../platform/service.server";
import { addToCalendarLinks, meetingsFeed } from "./calendar.server";
import type { Meeting } from "../../db/meetings";

/** How far back the feed reaches: recent meetings stay, so a subscriber's history is kept. */
const FEED_HISTORY_DAYS = 90;

/** The feed; only its name is ours to translate (the meetings are as the organisers wrote them). */
export function feedCalendar(
  db: DB,
  ctx: Pick<ServiceContext, "publicUrl">,
  language: PageLanguage = defaultLanguage,
): string {
  const since = new Date(Date.now() - FEED_HISTORY_DAYS * 24 * 3_600_000).toISOString();
  return meetingsFeed(
    listForCalendarFeed(db, since).map((meeting) => ({
      // Each event's title and description in the feed's language where the organiser wrote them.
      meeting: localisedMeeting(db, meeting, language, []).meeting,
      meetingUrl: meetingUrlOf(ctx, meeting),
    })),
    {
      uidDomain: new URL(ctx.publicUrl).hostname,
      calendarName: translator(language)("calendar.feedName"),
    },
  );
}

/**
 * The feed's address for "subscribe": webcal:// makes calendar apps subscribe, not import.
 * Calendar apps send no cookies, so a reader's language travels in the address.
 */
export function feedUrls(publicUrl: string, language: PageLanguage = defaultLanguage) {
  const query = language === defaultLanguage ? "" : `?lang=${language}`;
  const https = absoluteUrl(publicUrl, href("/calendar.ics")) + query;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** Web-calendar links for a meeting page, or null when there is nothing to add (cancelled). */
export function calendarLinksFor(ctx: Pick<ServiceContext, "publicUrl">, meeting: Meeting) {
  if (meeting.status !== "published") return null;
  const { google, outlook, office365 } = addToCalendarLinks(ctx, meeting);
  return { google, outlook, office365 };
}
