/**
 * Limits for crowds (ADR 0013): what one person, one network address and one meeting may
 * take of the public forms, and the meeting's hall window, when a full hall on one Wi-Fi is
 * what the app expects to see. The counting is app/platform/rate-limit.server.ts; the
 * per-meeting ceilings are checked by the services that store (register(), askQuestion())
 * inside their transactions, with the numbers they get from here.
 */
import type { AppLoadContext } from "react-router";
import type { Meeting } from "../../db/meetings";
import { msg } from "../i18n";
import { browserId, type BrowserId } from "../platform/browser-id.server";
import { clientIp } from "../platform/client-ip.server";
import { clientKey } from "../platform/client-key.server";
import { env } from "../platform/env.server";
import {
  addressFactor,
  admitNewcomer,
  admitPost,
  type PostKind,
  type PostRefusal,
  type PostScope,
} from "../platform/rate-limit.server";
import { Refusal } from "../platform/refusal.server";

/** People arrive, find a seat and scan the screen's QR code before the meeting starts. */
const HALL_OPENS_BEFORE_MS = 60 * 60_000;

/**
 * Whether the meeting's hall is in session: from an hour before it starts until it ends, for
 * a published meeting. Then its people share the hall's Wi-Fi (or a few mobile addresses), and
 * that meeting's per-address limits are HALL_FACTOR times higher.
 */
export function inHallWindow(
  meeting: Pick<Meeting, "status" | "startsAt" | "endsAt">,
  now = new Date(),
): boolean {
  if (meeting.status !== "published") return false;
  const t = now.getTime();
  return t >= Date.parse(meeting.startsAt) - HALL_OPENS_BEFORE_MS && t < Date.parse(meeting.endsAt);
}

export const postScope = (meeting: Meeting, now = new Date()): PostScope => ({
  meetingId: meeting.id,
  inHall: inHallWindow(meeting, now),
});

/** How many people one address, and one browser, may sign up for this meeting now. */
export function signUpCeilings(meeting: Meeting, now = new Date()) {
  return {
    maxPeoplePerClient: env().RSVP_MAX_PER_IP_PER_MEETING * addressFactor(postScope(meeting, now)),
    maxPeoplePerBrowser: env().RSVP_MAX_PER_PERSON_PER_MEETING,
  };
}

/** How many questions from one address may wait for moderation in this meeting now. */
export function questionCeilings(meeting: Meeting, now = new Date()) {
  return {
    maxPendingPerClient: env().QUESTION_MAX_PENDING_PER_IP * addressFactor(postScope(meeting, now)),
  };
}

export interface AdmittedPost {
  person: BrowserId;
  /** The keyed address, as the database keeps it. */
  clientKey: string;
  /** Null when the post may go on; else a 429 with its message and Retry-After (refusalInit). */
  refusal: Refusal | null;
  /** Whose limit refused it: the person's own, or their network address's. */
  refusedBy: PostRefusal["reason"] | null;
}

/** What the person is told: their own posts, or their network's, and how long to wait. */
function refusalMessage(kind: PostKind, { reason, retryAfter }: PostRefusal): string {
  const count = Math.max(1, Math.ceil(retryAfter / 60));
  if (kind === "support") return msg("list.supportRateLimited");
  if (kind === "signUp") {
    return reason === "person"
      ? msg("rsvp.rateLimited", { count })
      : msg("rsvp.rateLimitedNetwork", { count });
  }
  return reason === "person"
    ? msg("questions.rateLimited", { count })
    : msg("questions.rateLimitedNetwork", { count });
}

/**
 * Every public post starts here: who posts (their browser id, a new one if they have none),
 * from where, and whether the limits let it through. Counted only when they do; a refused
 * post gets no new id, so refusals hand out nothing a script could collect.
 */
export async function admitPublicPost(
  kind: PostKind,
  { request, context, meeting }: { request: Request; context: AppLoadContext; meeting: Meeting },
): Promise<AdmittedPost> {
  const person = await browserId(request);
  const address = clientIp(context);
  const refused = admitPost(kind, { address, person, scope: postScope(meeting) });
  const refusal = refused
    ? new Refusal(refusalMessage(kind, refused), {
        status: 429,
        retryAfterSeconds: refused.retryAfter,
      })
    : null;
  return { person, clientKey: clientKey(address), refusal, refusedBy: refused?.reason ?? null };
}

/**
 * The hall's QR link gives a phone its browser id before its first post, counted as one
 * newcomer for that meeting's hall. Past the newcomers' limit no id is handed out (the post
 * will then be counted as a newcomer itself). The Set-Cookie header, or null.
 */
export async function hallBrowserId(
  request: Request,
  context: AppLoadContext,
  meeting: Meeting,
): Promise<string | null> {
  const person = await browserId(request);
  if (!person.isNew || !admitNewcomer(clientIp(context), postScope(meeting))) return null;
  return person.setCookie;
}
