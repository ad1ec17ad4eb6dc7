/**
 * The last check of a whole run: every page in app/routes.ts was checked by axe (WCAG 2.1 A/AA)
 * and for 320 px reflow in at least one journey. `expectNoAxeViolations` notes the route of
 * each page it checks (support/fixtures.ts); this file runs as its own Playwright project that
 * depends on the journeys' project, so it starts only when all of them have passed, and reads
 * what every worker noted. A page route no journey checked fails it, by name.
 *
 * Run on its own (`npx playwright test e2e/route-coverage.spec.ts`) it still runs every journey
 * first: Playwright does not filter the projects a project depends on.
 */
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import routes from "../app/routes";
import { axeRoutesDir, projectRoot } from "./support/paths";

interface RouteEntry {
  id?: string;
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}

/** Routes with a component that is not a page a visitor reads, and why. */
const notPages: Record<string, string> = {
  "routes/admin/logout": "a POST that redirects; its GET redirects too, nothing renders",
  "routes/bench/html": "the benchmark's baseline, 404 unless BENCH_BASELINES=1",
  "routes/bench/insert": "the benchmark's baseline, 404 unless BENCH_BASELINES=1",
  "routes/bench/loop": "the benchmark's event-loop probe, 404 unless BENCH_BASELINES=1",
};

interface PageRoute {
  id: string;
  path: string;
}

/**
 * The leaves of the route tree whose module has a component (a default export): pages. The
 * others are resource routes (exports, feeds, .ics, live events, attachments, /healthz). Ids as
 * React Router makes them: the given id, else the file without its extension.
 */
function pageRoutes(entries: readonly RouteEntry[], parent = ""): PageRoute[] {
  return entries.flatMap((entry) => {
    const fullPath = [parent, entry.path].filter(Boolean).join("/");
    if (entry.children?.length) return pageRoutes(entry.children, fullPath);
    const source = fs.readFileSync(path.join(projectRoot, "app", entry.file), "utf8");
    if (!/^export default /m.test(source)) return [];
    return [{ id: entry.id ?? entry.file.replace(/\.[^./]+$/, ""), path: `/${fullPath}` }];
  });
}

/** Every route id the workers noted, with the paths they saw it at and the page's languages. */
function checkedRoutes(): Map<string, { paths: string[]; languages: Set<string> }> {
  const seen = new Map<string, { paths: string[]; languages: Set<string> }>();
  const files = fs.existsSync(axeRoutesDir) ? fs.readdirSync(axeRoutesDir) : [];
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(axeRoutesDir, file), "utf8").split("\n")) {
      const [id, at, lang] = line.split("\t");
      if (!id || !at) continue;
      const route = seen.get(id) ?? { paths: [], languages: new Set<string>() };
      route.paths.push(at);
      if (lang) route.languages.add(lang);
      seen.set(id, route);
    }
  }
  return seen;
}

test("every page route in app/routes.ts is checked by axe and at 320 px in some journey, every citizen page in bokmål, nynorsk and English", () => {
  const pages = pageRoutes(routes as RouteEntry[]);
  const ids = new Set(pages.map((p) => p.id));
  // A stale exception would hide nothing, but would mislead the next reader.
  expect(
    Object.keys(notPages).filter((id) => !ids.has(id)),
    "exceptions in notPages that are no page route any more",
  ).toEqual([]);

  const checked = checkedRoutes();
  expect(checked.size, `no journey noted a checked page in ${axeRoutesDir}`).toBeGreaterThan(0);
  const missing = pages
    .filter((p) => !(p.id in notPages) && !checked.has(p.id))
    .map((p) => `${p.id} (${p.path})`);
  expect(missing, "page routes no axe-checked journey visited").toEqual([]);

  // Citizens read every page in bokmål, nynorsk and English (the organisers' pages are
  // bokmål only); South Sámi is checked where its own journey goes (translations.spec.ts).
  const citizenLanguages = ["nb", "nn", "en"];
  const untried = pages
    .filter((p) => !(p.id in notPages) && !p.path.startsWith("/admin"))
    .flatMap((p) => {
      const languages = checked.get(p.id)?.languages ?? new Set<string>();
      const lacking = citizenLanguages.filter((l) => !languages.has(l));
      return lacking.length ? [`${p.id} (${p.path}): ${lacking.join(", ")}`] : [];
    });
  expect(untried, "citizen pages not axe-checked in every citizen language").toEqual([]);
});
