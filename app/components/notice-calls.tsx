import { Form, href, Link, useSearchParams } from "react-router";
import { useT } from "~/i18n/react";
import type { PhoneCall } from "~/notices/notice-calls.server";
import { formatDateTime } from "~/platform/dates";

/** A dialable tel: address: the digits and a leading plus of the number as typed. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/**
 * Attendees a change notice does not reach by mail, with their numbers and a button to mark
 * each one phoned; the notice page and the dashboard both show it, and the mark posts to the
 * notice page's action, which sends the organiser back where they were.
 */
export function NoticeCallList({
  meetingId,
  calls,
  back,
}: {
  meetingId: number;
  calls: PhoneCall[];
  back: "dashboard" | "notice";
}) {
  const t = useT();
  const [params] = useSearchParams();
  const id = String(meetingId);
  const marked = calls.find((p) => String(p.registrationId) === params.get("called"));
  const unmarked = calls.find((p) => String(p.registrationId) === params.get("uncalled"));
  const left = calls.filter((p) => p.phone !== null && p.calledAt === null).length;
  return (
    <section aria-labelledby="calls-heading" className="card" id="calls">
      <h2 id="calls-heading">{t("calls.heading")}</h2>
      <p id="calls-lead">{t("calls.lead", { count: calls.length })}</p>
      {marked || unmarked ? (
        <p className="notice notice-success" role="status">
          {marked
            ? t("calls.done", { name: marked.name })
            : t("calls.undone", { name: unmarked!.name })}
        </p>
      ) : null}
      <ul className="call-list" id="call-list">
        {calls.map((p) => (
          <li key={p.registrationId}>
            <p>
              <strong>{p.name}</strong> ({t("checkin.persons", { count: p.partySize })},{" "}
              {t(`calls.status.${p.status}`)})
            </p>
            {p.phone === null ? (
              <p>
                {t("calls.noContact")}{" "}
                <Link
                  to={href("/admin/meetings/:id/attendees/:registrationId", {
                    id,
                    registrationId: String(p.registrationId),
                  })}
                >
                  {t("calls.addContact")}
                  <span className="visually-hidden"> {p.name}</span>
                </Link>
              </p>
            ) : (
              <>
                <p>
                  <a href={telHref(p.phone)}>{p.phone}</a>
                  {p.calledAt ? (
                    <> – {t("calls.calledAt", { time: formatDateTime(p.calledAt) })}</>
                  ) : null}
                </p>
                <Form method="post" action={href("/admin/meetings/:id/notice", { id })}>
                  <input type="hidden" name="registrationId" value={p.registrationId} />
                  <input type="hidden" name="changeId" value={p.changeId} />
                  <input type="hidden" name="back" value={back} />
                  <button
                    type="submit"
                    name="intent"
                    value={p.calledAt ? "notCalled" : "called"}
                    className={
                      p.calledAt ? "button button-small button-secondary" : "button button-small"
                    }
                  >
                    {p.calledAt ? t("calls.undo") : t("calls.mark")}
                    <span className="visually-hidden"> {p.name}</span>
                  </button>
                </Form>
              </>
            )}
          </li>
        ))}
      </ul>
      {left === 0 ? <p id="calls-all-done">{t("calls.allDone")}</p> : null}
    </section>
  );
}
