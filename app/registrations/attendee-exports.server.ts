import type { DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { attendees, doorOrder, toAttendeeRows, type AttendeeFilter } from "./attendees.server";
import { audit } from "../platform/audit.server";
import {
  attendeesCsv,
  attendeesXlsx,
  exportFile,
  sortBySurname,
  type ExportFile,
  type FileFormat,
} from "../exports/exports.server";
import { formatMeetingTime } from "../platform/dates";
import { translator } from "../i18n";

export type ExportFormat = FileFormat | "print";

function needsLabels() {
  const t = translator();
  return {
    accessibility: t("rsvp.needs.accessibility"),
    interpreter: t("rsvp.needs.interpreter"),
    other: t("rsvp.needs.other"),
  };
}

function rows(db: DB, meeting: Meeting, filter: AttendeeFilter) {
  return toAttendeeRows(sortBySurname(attendees(db, meeting, filter, "").shown), needsLabels());
}

/** An export of personal data; every one is written to the audit log with what it held. */
export async function exportAttendees(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  format: Exclude<ExportFormat, "print">,
  filter: AttendeeFilter = "all",
): Promise<ExportFile> {
  const data = rows(db, meeting, filter);
  audit(db, organiser, `export.${format}`, {
    meetingId: meeting.id,
    target: meeting.title,
    details: { rows: data.length, filter },
  });
  return exportFile(`deltakere-${meeting.slug}`, format, {
    csv: (separator) => attendeesCsv(data, { separator }),
    xlsx: () =>
      attendeesXlsx(data, {
        meetingTitle: meeting.title,
        when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
      }),
  });
}

/**
 * The printable door list: confirmed people by surname, then the waitlist in its order (see
 * doorOrder). Logged like the file exports.
 */
export function checkInList(db: DB, organiser: Organiser, meeting: Meeting) {
  const data = toAttendeeRows(doorOrder(attendees(db, meeting, "all", "").shown), needsLabels());
  audit(db, organiser, "export.print", {
    meetingId: meeting.id,
    target: meeting.title,
    details: { rows: data.length },
  });
  return data;
}
