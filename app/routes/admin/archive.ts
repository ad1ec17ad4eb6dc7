import { requireOrganiser } from "~/auth/guard.server";
import { makeArchive, type ArchiveFormat } from "~/dashboard/archive.server";
import { downloadResponse } from "~/exports/exports.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import type { Route } from "./+types/archive";

/**
 * The meeting's archive package (app/dashboard/archive.server.ts): archive.pdf, archive.csv
 * or archive.json (see app/routes.ts); `?personal=1` includes personal data.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db } = services();
  const meeting = requireMeeting(db, params.id);
  const url = new URL(request.url);
  const format = url.pathname.slice(url.pathname.lastIndexOf(".") + 1) as ArchiveFormat;
  const personal = url.searchParams.get("personal") === "1";
  return downloadResponse(await makeArchive(db, organiser, meeting, format, personal));
}
