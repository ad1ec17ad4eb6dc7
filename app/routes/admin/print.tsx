import { href, Link } from "react-router";
import { checkInList } from "~/exports/attendee-exports.server";
import { requireMeeting } from "~/meetings/dashboard.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { formatMeetingTime } from "~/platform/dates";
import { splitName } from "~/exports/exports.server";
import { TableHead } from "~/components/table-head";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/print";

export function meta({ data }: Route.MetaArgs) {
  return [{ title: `${translator()("print.title")}: ${data?.title ?? ""}` }];
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const rows = checkInList(db, organiser, meeting).map((r) => ({ ...r, ...splitName(r.name) }));
  return {
    id: meeting.id,
    title: meeting.title,
    when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
    rows,
    people: rows.reduce((sum, r) => sum + r.partySize, 0),
  };
}

/** A paper list for the door: a checkbox column, sorted by surname; print CSS hides the rest. */
export default function Print({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { rows } = loaderData;
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={href("/admin/meetings/:id/attendees", { id: String(loaderData.id) })}>
          {t("attendees.title")}
        </Link>
      </p>
      <h1>{t("print.title")}</h1>
      <p>
        <strong>{loaderData.title}</strong>, {loaderData.when}
      </p>
      <p>{t("print.summary", { people: loaderData.people, registrations: rows.length })}</p>
      <table className="print-list">
        <TableHead
          columns={[
            t("print.arrived"),
            t("attendees.name"),
            t("attendees.party"),
            t("attendees.code"),
            t("attendees.needs"),
          ]}
        />
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.checkInCode}-${i}`}>
              <td>
                <span className="print-box" aria-hidden="true">
                  ☐
                </span>
              </td>
              <th scope="row">
                {r.surname}
                {r.givenNames ? `, ${r.givenNames}` : ""}
              </th>
              <td>{r.partySize}</td>
              <td>
                <code>{r.checkInCode}</code>
              </td>
              <td>{r.needs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
