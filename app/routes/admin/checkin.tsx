import { useEffect } from "react";
import { Form, href, Link, useRevalidator, useSearchParams } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { requireMeeting } from "~/meetings/meetings.server";
import {
  attendees,
  checkInCounts,
  doorOrder,
  requireRegistration,
} from "~/registrations/attendees.server";
import { requireOrganiser, requireOrganiserAction } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { readForm } from "~/platform/forms.server";
import { formatTime } from "~/platform/dates";
import { ActionError } from "~/components/intent-forms";
import { adminTitle } from "~/auth/admin-title";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { checkIn, checkInIntents, undoCheckIn } from "~/registrations/check-in.server";
import { answerIntent, readIntent } from "~/platform/intent.server";
import type { Route } from "./+types/checkin";

export function meta() {
  return [{ title: adminTitle(translator()("checkin.title")) }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const search = new URL(request.url).searchParams;
  // The QR code on a confirmation opens this page with ?code=…
  const query = (search.get("code") ?? search.get("q") ?? "").trim().slice(0, 100);
  // The same door order as the paper list: seats first, then the waitlist, marked.
  const found = query.length >= 2 ? attendees(db, meeting, "all", query).shown : [];
  const matches = doorOrder(found);
  return {
    meeting: { id: meeting.id, title: meeting.title },
    query,
    matches,
    // Someone signed up online who turns up at the door is moved to the hall first.
    online: found
      .filter((r) => r.attendance === "online" && r.status !== "cancelled")
      .map((r) => ({ id: r.id, name: r.name, partySize: r.partySize })),
    counts: checkInCounts(db, meeting),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const organiser = await requireOrganiserAction(request);
  const { db, service } = services();
  const meeting = requireMeeting(db, params.id);
  const formData = await readForm(request);
  return answerIntent(() => {
    const form = readIntent(formData, checkInIntents);
    const registration = requireRegistration(db, meeting, String(form.registrationId));
    if (form.intent === "undo") undoCheckIn(service, organiser, registration.id);
    else checkIn(service, organiser, registration.id, form.people ?? registration.partySize);
    const done = form.intent === "arrived" ? "arrived" : "undone";
    return redirect(
      `${href("/admin/meetings/:id/checkin", { id: String(meeting.id) })}?q=${encodeURIComponent(form.q)}&${done}=${registration.id}`,
    );
  });
}

export default function CheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { meeting, query, matches, counts } = loaderData;
  const revalidator = useRevalidator();
  // Several organisers check people in at once: keep the count fresh while the page is open.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle")
        void revalidator.revalidate();
    }, 5000);
    return () => clearInterval(timer);
  }, [revalidator]);
  const justArrived = matches.find((m) => String(m.id) === params.get("arrived"));
  const justUndone = matches.find((m) => String(m.id) === params.get("undone"));
  return (
    <div className="checkin">
      <p>
        <Link to={href("/admin/meetings/:id", { id: String(meeting.id) })}>{meeting.title}</Link>
      </p>
      <h1>{t("checkin.title")}</h1>
      <ActionError error={actionData?.error} />
      <p className="checkin-count" id="checkin-count" aria-live="polite">
        {t("checkin.count", { arrived: counts.arrivedPeople, expected: counts.expectedPeople })}
      </p>
      {justArrived ? (
        <p className="notice notice-success" role="status">
          {justArrived.checkedInPeople !== null &&
          justArrived.checkedInPeople < justArrived.partySize
            ? t("checkin.donePart", {
                name: justArrived.name,
                arrived: justArrived.checkedInPeople,
                party: justArrived.partySize,
              })
            : t("checkin.done", { name: justArrived.name })}
        </p>
      ) : null}
      {justUndone ? (
        <p className="notice" role="status">
          {t("checkin.undone", { name: justUndone.name })}
        </p>
      ) : null}
      <Form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t("checkin.search")}</label>
          <p className="hint" id="q-hint">
            {t("checkin.hint")}
          </p>
          <input
            type="search"
            id="q"
            name="q"
            defaultValue={query}
            aria-describedby="q-hint"
            autoComplete="off"
          />
        </div>
        <button type="submit" className="button">
          {t("checkin.searchButton")}
        </button>
      </Form>
      {query.length === 1 ? <p>{t("checkin.typeMore")}</p> : null}
      {query.length >= 2 && matches.length === 0 && loaderData.online.length === 0 ? (
        <p>{t("checkin.notFound")}</p>
      ) : null}
      {loaderData.online.length > 0 ? (
        <ul className="checkin-results" id="checkin-online">
          {loaderData.online.map((r) => (
            <li key={r.id} className="card">
              <p className="checkin-name">
                <strong>{r.name}</strong> – {t("checkin.persons", { count: r.partySize })}
              </p>
              <p className="notice notice-warning">
                {t("error.checkin.online")}{" "}
                <Link
                  to={href("/admin/meetings/:id/attendees/:registrationId", {
                    id: String(loaderData.meeting.id),
                    registrationId: String(r.id),
                  })}
                >
                  {t("checkin.moveToHall")}
                  <span className="visually-hidden">: {r.name}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="checkin-results">
        {matches.map((r) => (
          <li key={r.id} className="card">
            <p className="checkin-name">
              <strong>{r.name}</strong> – {t("checkin.persons", { count: r.partySize })} –{" "}
              <code>{r.checkInCode}</code>
            </p>
            {r.status === "waitlisted" ? (
              <p className="notice notice-warning">
                {t("checkin.waitlisted", { position: r.waitlistPosition ?? "?" })}
              </p>
            ) : null}
            {r.checkedInAt ? (
              <p>
                {r.partySize > 1
                  ? t("checkin.arrivedPartAt", {
                      time: formatTime(r.checkedInAt),
                      arrived: r.checkedInPeople ?? r.partySize,
                      party: r.partySize,
                    })
                  : t("checkin.arrivedAt", { time: formatTime(r.checkedInAt) })}
              </p>
            ) : null}
            <Form method="post" className="checkin-form">
              <input type="hidden" name="registrationId" value={r.id} />
              <input type="hidden" name="q" value={query} />
              {r.partySize > 1 ? (
                <div className="field">
                  <label htmlFor={`people-${r.id}`}>
                    {t("checkin.people")}
                    <span className="visually-hidden"> {r.name}</span>
                  </label>
                  <select
                    id={`people-${r.id}`}
                    name="people"
                    defaultValue={r.checkedInPeople ?? r.partySize}
                    // A new count after a save: the select shows what is stored.
                    key={r.checkedInPeople ?? "none"}
                  >
                    {Array.from({ length: r.partySize }, (_, i) => i + 1).map((n) => (
                      <option key={n} value={n}>
                        {t("checkin.ofParty", { arrived: n, party: r.partySize })}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {!r.checkedInAt || r.partySize > 1 ? (
                <button type="submit" name="intent" value="arrived" className="button">
                  {r.checkedInAt ? t("checkin.changePeople") : t("checkin.markArrived")}
                  <span className="visually-hidden"> {r.name}</span>
                </button>
              ) : null}
              {r.checkedInAt ? (
                <button
                  type="submit"
                  name="intent"
                  value="undo"
                  className="button button-secondary"
                >
                  {t("checkin.undo")}
                  <span className="visually-hidden"> {r.name}</span>
                </button>
              ) : null}
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
