import { Form } from "react-router";
import type { MessageKey, Translate } from "~/i18n";
import { isMessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { shownOwnData } from "~/own-data/own-data.server";
import { ActionError } from "./intent-forms";
import { ScrollingTable } from "./scrolling-table";

type Shown = ReturnType<typeof shownOwnData>;
type Value = string | number | boolean | null | Record<string, unknown>;

/** A field's value as a person reads it: yes/no, a status in words, "–" for nothing. */
function shownValue(t: Translate, field: string, value: Value): string {
  if (value === null || value === "") return t("ownData.none");
  if (typeof value === "boolean") return t(value ? "ownData.yes" : "ownData.no");
  if (field === "needs" && typeof value === "object") {
    const needs = value as {
      accessibility: boolean;
      interpreter: boolean;
      other: boolean;
      text: string;
    };
    const parts = [
      needs.accessibility && t("rsvp.needs.accessibility"),
      needs.interpreter && t("rsvp.needs.interpreter"),
      needs.other && t("rsvp.needs.other"),
      needs.text,
    ].filter(Boolean);
    return parts.length ? parts.join(". ") : t("confirm.needsNone");
  }
  const text = String(value);
  const worded = (key: string) => (isMessageKey(key) ? t(key) : text);
  if (field === "status") return worded(`ownData.status.${text}`);
  if (field === "attendance") return worded(`confirm.attendance.${text}`);
  if (field === "registeredBy" || field === "cancelledBy") return worded(`ownData.source.${text}`);
  if (field === "language") return { nb: "Bokmål", nn: "Nynorsk", en: "English" }[text] ?? text;
  return text;
}

function Fields({ record, t }: { record: Record<string, unknown>; t: Translate }) {
  return (
    <dl className="facts">
      {Object.entries(record).map(([field, value]) => {
        const label = `ownData.f.${field}`;
        if (!isMessageKey(label)) return null;
        return (
          <div key={field}>
            <dt>{t(label)}</dt>
            <dd className="question-text" data-field={field}>
              {shownValue(t, field, value as Value)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function mailKind(t: Translate, template: string): string {
  const key = `ownData.mail.${template}`;
  return isMessageKey(key) ? t(key) : t("ownData.mail.other");
}

/**
 * Everything held about a person (app/own-data/), the download and the erasure: the same page
 * behind a registration's personal link and a question's receipt link.
 */
export function OwnDataView({
  data,
  via,
  jsonHref,
  error,
}: {
  data: Shown;
  via: "registration" | "question";
  jsonHref: string;
  error: string | null | undefined;
}) {
  const t = useT();
  return (
    <article className="narrow">
      <h1>{t("ownData.title")}</h1>
      <p className="lead">{t(`ownData.intro.${via}`, { title: data.meeting.title })}</p>
      <p>
        <a id="own-data-download" href={jsonHref} download className="button button-secondary">
          {t("ownData.download")}
        </a>
      </p>
      <p>{t("ownData.downloadHelp")}</p>

      {data.registration ? (
        <section aria-labelledby="own-registration" className="card">
          <h2 id="own-registration">{t("ownData.registrationHeading")}</h2>
          <Fields record={data.registration} t={t} />
        </section>
      ) : null}

      <section aria-labelledby="own-questions">
        <h2 id="own-questions">{t("ownData.questionsHeading")}</h2>
        {data.questions.length === 0 ? (
          <p>{t("ownData.questionsNone")}</p>
        ) : (
          data.questions.map((question, i) => (
            <div className="card" key={i} id={`own-question-${i + 1}`}>
              <Fields record={question} t={t} />
            </div>
          ))
        )}
      </section>

      {via === "registration" ? (
        <section aria-labelledby="own-subscriptions">
          <h2 id="own-subscriptions">{t("ownData.subscriptionsHeading")}</h2>
          {data.subscriptions.length === 0 ? (
            <p>{t("ownData.subscriptionsNone")}</p>
          ) : (
            data.subscriptions.map((subscription, i) => (
              <div className="card" key={i}>
                <Fields record={subscription} t={t} />
              </div>
            ))
          )}
        </section>
      ) : null}

      <section aria-labelledby="own-mail">
        <h2 id="own-mail">{t("ownData.mailHeading")}</h2>
        {data.mail.length === 0 ? (
          <p>{t("ownData.mailNone")}</p>
        ) : (
          <ScrollingTable labelledBy="own-mail">
            <table id="own-mail-table">
              <caption>{t("ownData.mailCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ownData.mail.when")}</th>
                  <th scope="col">{t("ownData.mail.kind")}</th>
                  <th scope="col">{t("ownData.mail.to")}</th>
                  <th scope="col">{t("ownData.mail.status")}</th>
                </tr>
              </thead>
              <tbody>
                {data.mail.map((mail, i) => (
                  <tr key={i}>
                    <td>{mail.createdAt}</td>
                    <td>{mailKind(t, mail.template)}</td>
                    <td>{mail.toAddress}</td>
                    <td>{t(`ownData.mailStatus.${mail.status}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollingTable>
        )}
      </section>

      <section aria-labelledby="erase-heading">
        <h2 id="erase-heading">{t("ownData.eraseHeading")}</h2>
        <p>{t(`ownData.erase.${via}`)}</p>
        <p>{t("ownData.erase.after")}</p>
        <ActionError error={error} />
        <Form method="post">
          <div className="field checkbox">
            <input type="checkbox" id="erase-confirm" name="confirm" value="yes" />
            <label htmlFor="erase-confirm">{t("ownData.eraseConfirm")}</label>
          </div>
          <button type="submit" name="intent" value="erase" className="button button-danger">
            {t("ownData.eraseSubmit")}
          </button>
        </Form>
      </section>
    </article>
  );
}
