import { href } from "react-router";
import type { Translate } from "~/i18n";

/** What the personal page has of the stream (manageView in app/registrations/manage.server.ts). */
export type StreamView =
  | { state: "later"; revealsAt: string }
  | { state: "pending" }
  | { state: "open"; url: string | null; dialIn: string };

/**
 * "Follow the meeting online", on an online attendee's personal page: the stream link and
 * dial-in from their reveal time, until then when they come; and where to send questions
 * during the meeting (marked digital in the organisers' queue).
 */
export function OnlineCard({
  stream,
  slug,
  t,
}: {
  stream: StreamView;
  slug: string;
  t: Translate;
}) {
  const ask = `${href("/meetings/:slug/questions/new", { slug })}?from=online`;
  return (
    <section aria-labelledby="online-heading" className="card" id="online">
      <h2 id="online-heading">{t("online.heading")}</h2>
      {stream.state === "open" ? (
        <>
          {stream.url ? (
            <p>
              <a id="stream-link" className="button" href={stream.url} rel="noopener noreferrer">
                {t("online.watch")}
              </a>
            </p>
          ) : null}
          {stream.dialIn ? (
            <p id="dial-in">{t("online.dialIn", { dialIn: stream.dialIn })}</p>
          ) : null}
        </>
      ) : (
        <p id="stream-later">
          {stream.state === "later"
            ? t("online.later", { revealsAt: stream.revealsAt })
            : t("online.pending")}
        </p>
      )}
      <p>
        <a href={ask}>{t("online.ask")}</a>
      </p>
    </section>
  );
}
