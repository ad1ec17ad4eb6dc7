import { exportAttendees } from "~/registrations/attendee-exports.server";
import { downloadResponse, requestedFileFormat } from "~/exports/exports.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { parseFilter } from "~/registrations/attendees.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import type { Route } from "./+types/export";

/** The attendee list as a file: served at export.csv and export.xlsx (see app/routes.ts). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const url = new URL(request.url);
  const file = await exportAttendees(
    db,
    organiser,
    meeting,
    requestedFileFormat(url),
    parseFilter(url.searchParams.get("status")),
  );
  return downloadResponse(file);
}
