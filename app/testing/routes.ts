// The app's route config flattened for the tests that walk every route (access, hostile
// requests), so a new route is covered without anyone listing it.
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../routes";

export interface FlatRoute {
  /** The full path pattern, e.g. "/admin/meetings/:id". */
  path: string;
  /** The route module, relative to app/. */
  file: string;
  /** False for a layout: it adds no path and is no page of its own. */
  page: boolean;
}

/** Every entry of the route config with its full path, layouts included. */
export function flatRoutes(entries: RouteConfigEntry[] = routes, prefix = ""): FlatRoute[] {
  return entries.flatMap((entry) => {
    const path = entry.path ? `${prefix}/${entry.path}`.replace(/\/+/g, "/") : prefix;
    const own = {
      path: path || "/",
      file: entry.file,
      page: entry.path !== undefined || Boolean(entry.index),
    };
    return [own, ...flatRoutes(entry.children ?? [], path)];
  });
}

/** Every page's path pattern, each once. */
export const pagePaths = (entries: RouteConfigEntry[] = routes) => [
  ...new Set(flatRoutes(entries).flatMap((r) => (r.page ? [r.path] : []))),
];

/** The organisers' pages that must open without a login. */
export const OPEN_ADMIN_PATHS = ["/admin/login", "/admin/setup/:token"];
