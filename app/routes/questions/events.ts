import { requirePublicMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { questionEventStream } from "~/questions/live.server";
import type { Route } from "./+types/events";

/** Server-sent events: "change" whenever this meeting's questions change (no data in them). */
export function loader({ params, request }: Route.LoaderArgs) {
  const meeting = requirePublicMeeting(services().db, params.slug);
  return questionEventStream(request, meeting.id);
}
