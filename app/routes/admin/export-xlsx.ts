import { exportAttendees } from "~/exports/attendee-exports.server";
import { requireMeeting } from "~/meetings/dashboard.server";
import { parseFilter } from "~/registrations/attendees.server";
import { requireOrganiser } from "~/auth/guard.server";
import { services } from "~/platform/context.server";
import type { Route } from "./+types/export-xlsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const filter = parseFilter(new URL(request.url).searchParams.get("status"));
  const file = await exportAttendees(db, organiser, meeting, "xlsx", filter);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
