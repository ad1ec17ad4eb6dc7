import type { DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { attendees, toAttendeeRows, type AttendeeFilter } from "../registrations/attendees.server";
import { audit } from "../auth/audit.server";
import { attendeesCsv, attendeesXlsx, sortBySurname } from "./exports.server";
import { formatMeetingTime } from "../platform/dates";
import { translator } from "../i18n";

export type ExportFormat = "csv" | "csv-semicolon" | "xlsx" | "print";

function rows(db: DB, meeting: Meeting, filter: AttendeeFilter) {
  const t = translator();
  const labels = {
    accessibility: t("rsvp.needs.accessibility"),
    interpreter: t("rsvp.needs.interpreter"),
    other: t("rsvp.needs.other"),
  };
  return toAttendeeRows(sortBySurname(attendees(db, meeting, filter, "").shown), labels);
}

/** An export of personal data; every one is written to the audit log with what it held. */
export async function exportAttendees(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  format: Exclude<ExportFormat, "print">,
  filter: AttendeeFilter = "all",
): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string; filename: string }> {
  const data = rows(db, meeting, filter);
  audit(db, organiser, `export.${format}`, {
    meetingId: meeting.id,
    target: meeting.title,
    details: { rows: data.length, filter },
  });
  const base = `deltakere-${meeting.slug}`;
  if (format === "xlsx") {
    return {
      body: Uint8Array.from(
        await attendeesXlsx(data, {
          meetingTitle: meeting.title,
          when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
        }),
      ),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      filename: `${base}.xlsx`,
    };
  }
  return {
    body: attendeesCsv(data, { separator: format === "csv-semicolon" ? ";" : "," }),
    contentType: "text/csv; charset=utf-8",
    filename: `${base}.csv`,
  };
}

/** The printable door list: confirmed people by surname. Logged like the file exports. */
export function checkInList(db: DB, organiser: Organiser, meeting: Meeting) {
  const data = rows(db, meeting, "confirmed");
  audit(db, organiser, "export.print", {
    meetingId: meeting.id,
    target: meeting.title,
    details: { rows: data.length },
  });
  return data;
}
