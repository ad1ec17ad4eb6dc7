import { exportAttendees } from "~/exports/attendee-exports.server";
import { requireMeeting } from "~/meetings/dashboard.server";
import { parseFilter } from "~/registrations/attendees.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import type { Route } from "./+types/export-csv";

export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const search = new URL(request.url).searchParams;
  const format = search.get("separator") === "semicolon" ? "csv-semicolon" : "csv";
  const file = await exportAttendees(db, organiser, meeting, format, parseFilter(search.get("status")));
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
