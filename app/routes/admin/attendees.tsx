import { Form, href, Link, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireMeeting } from "~/meetings/meetings.server";
import {
  attendees,
  burstFormShape,
  bursts,
  requireRegistration,
} from "~/registrations/attendees.server";
import { attendeeFilters, needsSummary, parseFilter } from "~/registrations/attendee-list";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { formatDateTime, formatTime } from "~/platform/dates";
import { ActionError, RowAction } from "~/components/intent-forms";
import { ScrollingTable } from "~/components/scrolling-table";
import { TableHead } from "~/components/table-head";
import { adminTitle } from "~/auth/admin-title";
import { translator, type MessageKey, type Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { Refusal } from "~/platform/refusal.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import {
  attendeeIntents,
  cancelByOrganiser,
  cancelManyByOrganiser,
  promoteByOrganiser,
  resendConfirmation,
} from "~/registrations/organiser-changes.server";
import type { Route } from "./+types/attendees";

export function meta({ data }: Route.MetaArgs) {
  return [
    {
      title: adminTitle(`${translator()("attendees.title")}: ${data?.meeting.title ?? ""}`),
    },
  ];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const search = new URL(request.url).searchParams;
  const filter = parseFilter(search.get("status"));
  const query = (search.get("q") ?? "").slice(0, 100);
  const found = bursts(db, meeting).map((b) => ({ ...b, key: String(b.registrations[0]!.id) }));
  const list = attendees(db, meeting, filter, query);
  // ?burst=<first id>: the table shows that burst's sign-ups, so they can be looked over.
  const burst = found.find((b) => b.key === search.get("burst"));
  const inBurst = new Set(burst?.registrations.map((r) => r.id));
  const shown = burst ? list.shown.filter((r) => inBurst.has(r.id)) : list.shown;
  return { meeting, filter, query, ...list, shown, bursts: found, burst: burst?.key ?? null };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request, burstFormShape(db, meeting));
  return answerIntent(() => {
    const form = readIntent(formData, attendeeIntents);
    if (form.intent === "cancelMany") {
      if (form.registrationId.length === 0) throw new Refusal("attendees.bursts.noneChosen");
      const ids = form.registrationId.map((id) => requireRegistration(db, meeting, String(id)).id);
      cancelManyByOrganiser(service, organiser, meeting.id, ids);
      return redirect(doneUrl(request, form.intent));
    }
    const registration = requireRegistration(db, meeting, String(form.registrationId));
    if (form.intent === "cancel") cancelByOrganiser(service, organiser, registration.id);
    else if (form.intent === "promote") promoteByOrganiser(service, organiser, registration.id);
    else resendConfirmation(service, organiser, registration.id);
    return redirect(doneUrl(request, form.intent));
  });
}

function doneUrl(request: Request, intent: string) {
  const back = new URL(request.url);
  back.searchParams.set("done", intent);
  return `${back.pathname}?${back.searchParams}`;
}

export default function Attendees({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, filter, query, shown, counts, seatsLeft } = loaderData;
  const id = String(meeting.id);
  const done = params.get("done");
  const labels = {
    accessibility: t("rsvp.needs.accessibility"),
    interpreter: t("rsvp.needs.interpreter"),
    other: t("rsvp.needs.other"),
  };
  return (
    <>
      <p>
        <Link to={href("/admin/meetings/:id", { id })}>{meeting.title}</Link>
      </p>
      <h1>{t("attendees.title")}</h1>
      {done && ["add", "edit", "cancel", "promote", "resend", "cancelMany"].includes(done) ? (
        <p className="notice notice-success" role="status">
          {t(`attendees.done.${done}` as MessageKey)}
        </p>
      ) : null}
      <ActionError error={actionData?.error} />
      <p id="attendee-totals">
        {t("attendees.totals", {
          people: counts.confirmedPeople,
          registrations: counts.confirmedRegistrations,
          left: seatsLeft,
        })}{" "}
        {t("attendees.totalsWaitlist", {
          people: counts.waitlistedPeople,
          registrations: counts.waitlistedRegistrations,
        })}
      </p>
      <ul className="button-row">
        <li>
          <Link className="button" to={href("/admin/meetings/:id/attendees/new", { id })}>
            {t("attendees.add")}
          </Link>
        </li>
        <li>
          <a
            className="button button-secondary"
            href={href("/admin/meetings/:id/export.xlsx", { id })}
            download
          >
            {t("attendees.exportXlsx")}
          </a>
        </li>
        <li>
          <a
            className="button button-secondary"
            href={href("/admin/meetings/:id/export.csv", { id })}
            download
          >
            {t("attendees.exportCsv")}
          </a>
        </li>
        <li>
          <a
            className="button button-secondary"
            href={`${href("/admin/meetings/:id/export.csv", { id })}?separator=semicolon`}
            download
          >
            {t("attendees.exportCsvSemicolon")}
          </a>
        </li>
        <li>
          <Link className="button button-secondary" to={href("/admin/meetings/:id/print", { id })}>
            {t("attendees.print")}
          </Link>
        </li>
      </ul>
      <p className="hint">{t("attendees.exportNote")}</p>

      {loaderData.bursts.length > 0 ? (
        <Bursts bursts={loaderData.bursts} current={loaderData.burst} t={t} />
      ) : null}

      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("attendees.search")}</label>
          <input type="search" id="q" name="q" defaultValue={query} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("attendees.filter")}</label>
          <select id="status" name="status" defaultValue={filter}>
            {attendeeFilters.map((f) => (
              <option key={f} value={f}>
                {t(`attendees.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("attendees.apply")}
        </button>
      </Form>

      <p role="status">{t("attendees.shown", { count: shown.length })}</p>
      {shown.length === 0 ? (
        <p>{t("attendees.none")}</p>
      ) : (
        <ScrollingTable label={t("attendees.title")}>
          <table id="attendee-table">
            <TableHead
              columns={[
                t("attendees.name"),
                t("attendees.contact"),
                t("attendees.party"),
                t("attendees.status"),
                t("attendees.needs"),
                t("attendees.code"),
                t("attendees.actions"),
              ]}
            />
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name || <span className="hint">{t("attendees.anonymised")}</span>}
                    {r.source === "organiser" ? (
                      <span className="hint"> ({t("attendees.byOrganiser")})</span>
                    ) : null}
                  </th>
                  <td>
                    {r.email ?? <span className="hint">{t("attendees.noEmail")}</span>}
                    {r.phone ? (
                      <>
                        <br />
                        {r.phone}
                      </>
                    ) : null}
                  </td>
                  <td>{r.partySize}</td>
                  <td>
                    {r.status === "waitlisted"
                      ? t("attendees.waitlistPosition", { position: r.waitlistPosition ?? "?" })
                      : t(`attendees.filter.${r.status}`)}
                    {r.attendance === "online" ? (
                      <>
                        <br />
                        <strong>{t("attendees.online")}</strong>
                      </>
                    ) : null}
                    {r.checkedInAt ? (
                      <>
                        <br />
                        {r.checkedInPeople !== null && r.checkedInPeople < r.partySize
                          ? t("attendees.arrivedPart", {
                              time: formatTime(r.checkedInAt),
                              arrived: r.checkedInPeople,
                              party: r.partySize,
                            })
                          : t("attendees.arrived", { time: formatTime(r.checkedInAt) })}
                      </>
                    ) : null}
                  </td>
                  <td>{needsSummary(r, labels)}</td>
                  <td>
                    <code>{r.checkInCode}</code>
                  </td>
                  <td>
                    {r.status !== "cancelled" ? (
                      <div className="row-actions">
                        <Link
                          to={href("/admin/meetings/:id/attendees/:registrationId", {
                            id,
                            registrationId: String(r.id),
                          })}
                        >
                          {t("attendees.edit")}
                          <span className="visually-hidden"> {r.name}</span>
                        </Link>
                        {r.status === "waitlisted" ? (
                          <RowAction
                            idField="registrationId"
                            id={r.id}
                            intent="promote"
                            label={t("attendees.promote")}
                            rowName={r.name}
                          />
                        ) : null}
                        {r.email ? (
                          <RowAction
                            idField="registrationId"
                            id={r.id}
                            intent="resend"
                            label={t("attendees.resend")}
                            rowName={r.name}
                          />
                        ) : null}
                        <details>
                          <summary>
                            {t("attendees.cancel")}
                            <span className="visually-hidden"> {r.name}</span>
                          </summary>
                          <RowAction
                            idField="registrationId"
                            id={r.id}
                            intent="cancel"
                            label={`${t("attendees.cancel")}: ${r.name}`}
                            look="danger"
                          />
                        </details>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </>
  );
}

function Bursts({
  bursts,
  current,
  t,
}: {
  bursts: Route.ComponentProps["loaderData"]["bursts"];
  current: string | null;
  t: Translate;
}) {
  return (
    <section aria-labelledby="bursts-heading" className="notice" id="bursts">
      <h2 id="bursts-heading">{t("attendees.bursts.heading")}</h2>
      <p>{t("attendees.bursts.intro")}</p>
      <ul>
        {bursts.map((burst) => {
          const count = burst.registrations.length;
          return (
            <li key={burst.key} className="burst">
              <p>
                {t("attendees.bursts.group", {
                  count,
                  from: formatDateTime(burst.from),
                  to: formatTime(burst.to),
                  people: burst.people,
                })}{" "}
                {t("attendees.bursts.signs", {
                  signs: burst.signs.map((s) => t(`attendees.bursts.sign.${s}`)).join(", "),
                })}{" "}
                {current === burst.key ? null : (
                  <Link to={`?burst=${burst.key}#attendee-table`}>
                    {t("attendees.bursts.show")}
                  </Link>
                )}
              </p>
              <Form method="post">
                <fieldset>
                  <legend>{t("attendees.bursts.choose")}</legend>
                  {burst.registrations.map((r) => (
                    <div className="checkbox" key={r.id}>
                      <input
                        type="checkbox"
                        name="registrationId"
                        value={r.id}
                        id={`burst-${burst.key}-${r.id}`}
                      />
                      <label htmlFor={`burst-${burst.key}-${r.id}`}>
                        {r.name}
                        {r.email ? <>, {r.email}</> : null} ({formatTime(r.createdAt)})
                      </label>
                    </div>
                  ))}
                </fieldset>
                <p className="hint">{t("attendees.bursts.cancelConfirm")}</p>
                <button
                  type="submit"
                  name="intent"
                  value="cancelMany"
                  className="button button-small button-secondary"
                >
                  {t("attendees.bursts.cancel")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      {current ? (
        <p>
          <Link to="?">{t("attendees.bursts.showAll")}</Link>
        </p>
      ) : null}
    </section>
  );
}
