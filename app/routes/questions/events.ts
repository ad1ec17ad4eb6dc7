/**
 * Server-sent events: "change" whenever this meeting's public questions change (no data in
 * them). Capped per address and in all; over the cap a 429, and the page updates on reload.
 */
import { requirePublicMeeting } from "~/meetings/meetings.server";
import { clientIp } from "~/platform/client-ip.server";
import { services } from "~/platform/context.server";
import { questionEventStream } from "~/questions/live.server";
import type { Route } from "./+types/events";

export function loader({ params, request, context }: Route.LoaderArgs) {
  const meeting = requirePublicMeeting(services().db, params.slug);
  return questionEventStream(request, meeting.id, {
    audience: "everyone",
    address: clientIp(context),
  });
}
