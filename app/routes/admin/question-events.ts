import { requireOrganiser } from "~/auth/guard.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { questionEventStream } from "~/questions/live.server";
import type { Route } from "./+types/question-events";

/**
 * The organisers' server-sent events for one meeting: every change to its questions, those
 * waiting for moderation too, for the moderation queue, the control view and the projector.
 */
export async function loader({ params, request }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const meeting = requireMeeting(services().db, params.id);
  return questionEventStream(request, meeting.id, {
    audience: "organisers",
    organiserId: organiser.id,
  });
}
