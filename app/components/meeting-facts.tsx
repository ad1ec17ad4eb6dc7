import Markdown from "react-markdown";
import type { Meeting } from "../../db/meetings";
import { formatMeetingTime } from "~/platform/dates";
import type { Translate } from "~/i18n";

/** When, where and how accessible: the facts every meeting page and confirmation repeats. */
export function MeetingFacts({
  meeting,
  t,
}: {
  meeting: Pick<Meeting, "startsAt" | "endsAt" | "venueName" | "address" | "mapUrl" | "accessibility">;
  t: Translate;
}) {
  return (
    <dl className="facts">
      <div>
        <dt>{t("meeting.when")}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>
            {formatMeetingTime(meeting.startsAt, meeting.endsAt)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{t("meeting.where")}</dt>
        <dd>
          {meeting.venueName}
          <br />
          {meeting.address}
          {meeting.mapUrl ? (
            <>
              <br />
              <a href={meeting.mapUrl} rel="noopener noreferrer">
                {t("meeting.map")} <span className="visually-hidden">{t("meeting.mapNewWindow")}</span>
              </a>
            </>
          ) : null}
        </dd>
      </div>
      {meeting.accessibility ? (
        <div>
          <dt>{t("meeting.accessibility")}</dt>
          <dd>{meeting.accessibility}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * An organiser's Markdown description. Raw HTML is dropped, not rendered, and link targets
 * pass react-markdown's URL check (no javascript:); headings are demoted below the page's
 * own section heading, so the outline stays right.
 */
export function Description({ markdown }: { markdown: string }) {
  return (
    <div className="description">
      <Markdown
        skipHtml
        disallowedElements={["img"]}
        unwrapDisallowed
        components={{ h1: "h3", h2: "h3", h3: "h4", h4: "h5" }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
