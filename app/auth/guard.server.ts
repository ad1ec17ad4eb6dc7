/**
 * Auth: organisers and what they may do. Accounts and passwords (organisers.server.ts,
 * password.server.ts), sessions, login throttling, CSRF checks, and these
 * guards that every /admin loader and action starts with.
 */
import { data, href } from "react-router";
import { redirect } from "../platform/redirect.server";
import type { DB } from "../../db/connection";
import type { Organiser, OrganiserRole } from "../../db/organisers";
import { services } from "../platform/context.server";
import { assertSameOrigin } from "./csrf.server";
import { getOrganiser, type SessionOptions } from "./session.server";

export interface GuardContext {
  db: DB;
  publicUrl: string;
  session?: Partial<SessionOptions>;
}

export interface GuardOptions {
  /** Only admins; organisers get 403. */
  role?: "admin";
  /** For tests; the app uses services(). */
  context?: GuardContext;
}

function guardContext(options: GuardOptions): GuardContext {
  if (options.context) return options.context;
  const { db, env } = services();
  return { db, publicUrl: env.publicUrl };
}

const roleAllows = (role: OrganiserRole, required: GuardOptions["role"]) =>
  required === undefined || role === required;

/** For loaders: the logged-in organiser, or a redirect to the login page (or 403 for the role). */
export async function requireOrganiser(
  request: Request,
  options: GuardOptions = {},
): Promise<Organiser> {
  const context = guardContext(options);
  const organiser = await getOrganiser(context.db, request, context.session);
  if (!organiser) {
    const url = new URL(request.url);
    throw redirect(
      `${href("/admin/login")}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`,
    );
  }
  if (!roleAllows(organiser.role, options.role)) {
    throw data({ title: "error.forbidden.title", body: "error.forbidden" }, { status: 403 });
  }
  return organiser;
}

/** For actions: refuses cross-site requests (403) first, then as requireOrganiser. */
export async function requireOrganiserAction(
  request: Request,
  options: GuardOptions = {},
): Promise<Organiser> {
  const context = guardContext(options);
  assertSameOrigin(request, context.publicUrl);
  return requireOrganiser(request, { ...options, context });
}
