import type { Meeting } from "../../db/meetings";
import { formatMeetingTime } from "~/dates";
import type { Translate } from "~/i18n";

/** When, where and how accessible: the facts every meeting page and confirmation repeats. */
export function MeetingFacts({ meeting, t }: { meeting: Meeting; t: Translate }) {
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

/** Plain text with blank lines between paragraphs, rendered as paragraphs (never as HTML). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}
