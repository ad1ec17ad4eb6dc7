import { href } from "react-router";
import type { Meeting } from "../../db/meetings";
import { absoluteUrl } from "../platform/paths";
import type { ServiceContext } from "../platform/service.server";

/** A meeting's public page as an absolute URL: in mails, calendar files and the feed. */
export const meetingUrlOf = (
  ctx: Pick<ServiceContext, "publicUrl">,
  meeting: Pick<Meeting, "slug">,
) => absoluteUrl(ctx.publicUrl, href("/meetings/:slug", { slug: meeting.slug }));

/** The meeting's .ics download as an absolute URL, for the "add to calendar" links. */
export const meetingCalendarUrlOf = (
  ctx: Pick<ServiceContext, "publicUrl">,
  meeting: Pick<Meeting, "slug">,
) => absoluteUrl(ctx.publicUrl, href("/meetings/:slug/calendar.ics", { slug: meeting.slug }));
