import { requireOrganiser } from "~/auth/guard.server";
import { downloadResponse, requestedFileFormat } from "~/exports/exports.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { exportQuestions, parseOrder } from "~/questions/exports.server";
import type { Route } from "./+types/question-export-file";

/** /admin/meetings/:id/questions/export.csv and export.xlsx (the format is the route's last segment). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const url = new URL(request.url);
  const search = url.searchParams;
  const file = await exportQuestions(
    db,
    organiser,
    meeting,
    requestedFileFormat(url),
    parseOrder(search.get("order")),
    search.get("names") === "1",
  );
  return downloadResponse(file);
}
