import { href, Link } from "react-router";
import { checkInList } from "~/registrations/attendee-exports.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import { formatMeetingTime } from "~/platform/dates";
import { splitName } from "~/exports/exports.server";
import { ScrollingTable } from "~/components/scrolling-table";
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
  const all = checkInList(db, organiser, meeting).map((r) => ({ ...r, ...splitName(r.name) }));
  const rows = all.filter((r) => r.status === "confirmed");
  return {
    id: meeting.id,
    title: meeting.title,
    when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
    rows,
    waitlist: all.filter((r) => r.status === "waitlisted"),
    people: rows.reduce((sum, r) => sum + r.partySize, 0),
  };
}

type PrintRow = Route.ComponentProps["loaderData"]["rows"][number];

/**
 * A paper list for the door: a box to tick (and for a party, how many came), by surname; the
 * waitlist follows in its own table, in the order seats would be offered. Print CSS hides the
 * rest.
 */
export default function Print({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { rows, waitlist } = loaderData;
  const columns = [
    t("print.arrived"),
    t("attendees.name"),
    t("attendees.party"),
    t("attendees.code"),
    t("attendees.needs"),
  ];
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
      <h2 id="print-seats-heading">{t("print.seats")}</h2>
      <ScrollingTable labelledBy="print-seats-heading">
        <table className="print-list" id="print-confirmed">
          <TableHead columns={columns} />
          <tbody>
            {rows.map((r, i) => (
              <DoorRow key={`${r.checkInCode}-${i}`} row={r} />
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      {waitlist.length > 0 ? (
        <>
          <h2 id="print-waitlist-heading">{t("print.waitlist")}</h2>
          <p id="print-waitlist-lead">{t("print.waitlistLead", { count: waitlist.length })}</p>
          <ScrollingTable labelledBy="print-waitlist-heading">
            <table className="print-list" id="print-waitlist">
              <TableHead columns={[t("print.position"), ...columns]} />
              <tbody>
                {waitlist.map((r, i) => (
                  <DoorRow key={`${r.checkInCode}-${i}`} row={r} position={r.waitlistPosition} />
                ))}
              </tbody>
            </table>
          </ScrollingTable>
        </>
      ) : null}
    </div>
  );
}

function DoorRow({ row: r, position }: { row: PrintRow; position?: number | null }) {
  const t = useT();
  return (
    <tr>
      {position !== undefined ? <td>{position}</td> : null}
      <td>
        <span className="print-box" aria-hidden="true">
          ☐
        </span>
        {r.partySize > 1 ? (
          <span className="print-part" aria-hidden="true">
            {" "}
            {t("print.partOf", { count: r.partySize })}
          </span>
        ) : null}
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
  );
}
