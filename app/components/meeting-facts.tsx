import type { Meeting } from "../../db/meetings";
import type { Translate } from "~/i18n";
import { useContentLang } from "~/i18n/react";

/**
 * When, where and how accessible: the facts every meeting page and confirmation repeats. `when`
 * is the time as formatMeetingTime() writes it, made by the loader: the citizens' pages then
 * carry no date library in their JavaScript (js-budget.test.ts).
 */
export function MeetingFacts({
  meeting,
  when,
  textLang,
  t,
}: {
  meeting: Pick<
    Meeting,
    "startsAt" | "endsAt" | "venueName" | "address" | "mapUrl" | "accessibility" | "attendance"
  > & {
    whatToBring?: string;
  };
  when: string;
  /**
   * Where the meeting's texts come in the reader's language (meeting-texts.server.ts): the
   * lang of those shown in bokmål instead. Without it they are the organiser's Norwegian.
   */
  textLang?: { accessibility?: "nb"; whatToBring?: "nb" };
  t: Translate;
}) {
  const contentLang = useContentLang();
  const accessibilityLang = textLang ? textLang.accessibility : contentLang;
  const whatToBringLang = textLang ? textLang.whatToBring : contentLang;
  return (
    <dl className="facts">
      <div>
        <dt>{t("meeting.when")}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{when}</time>
        </dd>
      </div>
      {meeting.attendance !== "hall" ? (
        <div>
          <dt>{t("meeting.attendance")}</dt>
          <dd id="meeting-attendance">{t(`meeting.attendance.${meeting.attendance}`)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t(meeting.attendance === "online" ? "meeting.streamedFrom" : "meeting.where")}</dt>
        <dd>
          <span lang={contentLang}>
            {meeting.venueName}
            <br />
            {meeting.address}
          </span>
          {meeting.mapUrl ? (
            <>
              <br />
              <a href={meeting.mapUrl} rel="noopener noreferrer">
                {t("meeting.map")}{" "}
                <span className="visually-hidden">{t("meeting.mapNewWindow")}</span>
              </a>
            </>
          ) : null}
        </dd>
      </div>
      {meeting.accessibility ? (
        <div>
          <dt>{t("meeting.accessibility")}</dt>
          <dd lang={accessibilityLang}>{meeting.accessibility}</dd>
        </div>
      ) : null}
      {meeting.whatToBring ? (
        <div>
          <dt>{t("meeting.whatToBring")}</dt>
          <dd lang={whatToBringLang}>{meeting.whatToBring}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** An organiser's description, already rendered to safe HTML on the server (markdown.server.tsx). */
export function Description({ html, lang }: { html: string; lang: "nb" | undefined }) {
  return <div className="description" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
