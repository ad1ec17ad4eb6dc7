import { href, Link } from "react-router";
import { services } from "~/platform/context.server";
import { formatMeetingTime } from "~/platform/dates";
import { metaT, useContentLang, useLanguage, useT } from "~/i18n/react";
import { upcomingMeetings } from "~/registrations/public-view.server";
import { feedUrls } from "~/meetings/calendar-feed.server";
import { requestLanguage } from "~/platform/language.server";
import type { Route } from "./+types/home";

export function meta({ matches }: Route.MetaArgs) {
  const t = metaT(matches);
  return [{ title: t("site.name") }, { name: "description", content: t("index.intro") }];
}

/**
 * The same for everyone who reads the same language (entry.server.tsx adds Vary: Cookie, the
 * language's cookie); seats left may be half a minute old.
 */
export function headers() {
  return { "Cache-Control": "public, max-age=30, stale-while-revalidate=300" };
}

export function loader({ request }: Route.LoaderArgs) {
  const { db, env } = services();
  return {
    meetings: upcomingMeetings(db, requestLanguage(request)),
    feed: feedUrls(env.publicUrl, requestLanguage(request)).webcal,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const language = useLanguage();
  const contentLang = useContentLang();
  return (
    <>
      <h1>{t("index.title")}</h1>
      <p className="lead">{t("index.intro")}</p>
      {loaderData.meetings.length === 0 ? (
        <p>{t("index.empty")}</p>
      ) : (
        <ul className="meeting-list">
          {loaderData.meetings.map(({ meeting, titleLang, running, seatsLeft }) => (
            <li key={meeting.id} className="card">
              <h2 lang={titleLang}>
                <Link to={href("/meetings/:slug", { slug: meeting.slug })}>{meeting.title}</Link>
              </h2>
              <p>
                {formatMeetingTime(meeting.startsAt, meeting.endsAt, language)}
                {running ? <strong> {t("phase.running")}</strong> : null}
              </p>
              <p lang={contentLang}>{meeting.venueName}</p>
              {meeting.attendance !== "hall" ? (
                <p>{t(`index.attendance.${meeting.attendance}`)}</p>
              ) : null}
              {meeting.attendance !== "online" ? (
                <p className="seats">{t("index.seatsLeft", { count: seatsLeft })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={loaderData.feed} id="calendar-feed">
          {t("calendar.subscribe")}
        </a>
      </p>
    </>
  );
}
