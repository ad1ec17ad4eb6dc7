import type { Translate } from "~/i18n";

export interface AfterMeetingData {
  answersPublished: boolean;
  summary: string;
  attachments: { id: number; filename: string; size: number; url: string }[];
  // date: createdAt as the reader writes it (the loader formats it).
  updates: { id: number; title: string; body: string; createdAt: string; date: string }[];
}

/** Plain text with blank lines between paragraphs; React escapes every character. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="question-text">
            {p}
          </p>
        ))}
    </>
  );
}

const kilobytes = (size: number) =>
  `${Math.max(1, Math.round(size / 1024)).toLocaleString("nb-NO")} kB`;

/** The published summary (referat), attachments and the organisers' updates about the case. */
export function AfterMeeting({ after, t }: { after: AfterMeetingData; t: Translate }) {
  return (
    <>
      {after.answersPublished && after.summary.trim() ? (
        <section aria-labelledby="summary-heading" id="summary">
          <h2 id="summary-heading">{t("list.summary")}</h2>
          <Paragraphs text={after.summary} />
        </section>
      ) : null}
      {after.attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t("list.attachments")}</h2>
          <ul>
            {after.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} download>
                  {a.filename}
                </a>{" "}
                <span className="hint">(PDF, {kilobytes(a.size)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {after.updates.length > 0 ? (
        <section aria-labelledby="updates-heading" id="updates">
          <h2 id="updates-heading">{t("updates.heading")}</h2>
          {after.updates.map((u) => (
            <article key={u.id} className="case-update">
              <h3>{u.title}</h3>
              <p className="hint">{u.date}</p>
              <Paragraphs text={u.body} />
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}
