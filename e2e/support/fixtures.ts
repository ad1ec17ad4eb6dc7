/**
 * The suite's test object: Playwright's, plus
 * - `createMeeting()` / `meeting`: a fresh published meeting written straight into server 1's
 *   SQLite file with the app's own db modules (WAL lets the server and the tests share it);
 * - `uniqueEmail(label)`: an address no other test uses, so mail can be told apart;
 * - `expectNoAxeViolations(page)`: axe-core with the WCAG 2.1 A/AA rules, zero violations, and
 *   no sideways scrolling at 320 px (`expectNoSidewaysScroll`), so every page a journey checks
 *   is checked for both; it notes the page's route for e2e/route-coverage.spec.ts.
 * Mail helpers live in ./mail.ts and are re-exported here.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { osloToUtc } from "../../app/platform/dates";
import { openDatabase, type DB } from "../../db/connection";
import { createTestMeeting } from "../../db/testing";
import { appUrl, axeRoutesDir, databaseFile } from "./paths";
import { expectNoSidewaysScroll } from "./reflow";

export { expect };
export * from "./mail";
export * from "./reflow";

export interface MeetingOptions {
  title: string;
  description: string;
  /** Oslo wall date, yyyy-mm-dd. Default: about two months ahead. */
  date: string;
  /** Oslo wall times, HH:mm. */
  startTime: string;
  endTime: string;
  venueName: string;
  address: string;
  mapUrl: string | null;
  accessibility: string;
  /** Practical information ("Ta med …"); none unless given. */
  whatToBring?: string;
  capacity: number;
  maxPartySize: number;
  agenda: { timeLabel: string | null; title: string }[];
  themes: { title: string; description: string }[];
}

export interface TestMeeting extends MeetingOptions {
  id: number;
  slug: string;
  /** Path of the public meeting page, e.g. /meetings/e2e-abc123. */
  path: string;
  /** Absolute URL, as the app builds it from PUBLIC_URL. */
  url: string;
  startsAt: string;
  endsAt: string;
}

/** A yyyy-mm-dd date `days` ahead of today, as the calendar reads in Oslo. */
export function osloDateAhead(days: number, from = new Date()): string {
  const day = new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Oslo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(day);
}

export const randomSuffix = () => randomBytes(4).toString("hex");

type WorkerFixtures = { db: DB };
type TestFixtures = {
  createMeeting: (options?: Partial<MeetingOptions>) => TestMeeting;
  meeting: TestMeeting;
  uniqueEmail: (label: string) => string;
  expectNoAxeViolations: (page: Page, label?: string) => Promise<void>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, use) => {
      const db = openDatabase(databaseFile);
      await use(db);
      db.close();
    },
    { scope: "worker" },
  ],

  createMeeting: async ({ db }, use) => {
    await use((options = {}) => {
      const suffix = randomSuffix();
      const o: MeetingOptions = {
        title: `Folkemøte om nærmiljøet ${suffix}`,
        description:
          "Kommunen orienterer om planene for nærmiljøet.\n\nEtterpå er det tid til spørsmål og samtale.",
        date: osloDateAhead(60),
        startTime: "18:30",
        endTime: "20:30",
        venueName: "Storstuggu, Røros kulturhus",
        address: "Osloveien 2, 7374 Røros",
        mapUrl: "https://www.openstreetmap.org/search?query=Storstuggu",
        accessibility: "Trinnfri inngang og teleslynge i salen.",
        capacity: 50,
        maxPartySize: 4,
        agenda: [
          { timeLabel: "18.30", title: "Velkommen" },
          { timeLabel: "18.45", title: "Orientering fra kommunen" },
          { timeLabel: "19.30", title: "Spørsmål og dialog" },
        ],
        themes: [
          {
            title: "Trafikk og parkering",
            description: "Hvordan blir trafikken i byggeperioden?",
          },
          { title: "Annet", description: "Andre spørsmål." },
        ],
        ...options,
      };
      const slug = `e2e-${suffix}`;
      const startsAt = osloToUtc(o.date, o.startTime);
      const endsAt = osloToUtc(o.date, o.endTime);
      const id = createTestMeeting(db, {
        slug,
        title: o.title,
        description: o.description,
        startsAt,
        endsAt,
        venueName: o.venueName,
        address: o.address,
        mapUrl: o.mapUrl,
        accessibility: o.accessibility,
        whatToBring: o.whatToBring ?? "",
        capacity: o.capacity,
        maxPartySize: o.maxPartySize,
        agenda: o.agenda,
        themes: o.themes,
      });
      const path = `/meetings/${slug}`;
      return {
        ...o,
        id,
        slug,
        path,
        url: `${appUrl}${path}`,
        startsAt,
        endsAt,
      };
    });
  },

  meeting: async ({ createMeeting }, use) => {
    await use(createMeeting());
  },

  uniqueEmail: async ({}, use, testInfo) => {
    const base = `w${testInfo.workerIndex}-${randomSuffix()}`;
    await use((label) => `${label}-${base}@eksempel.no`.toLowerCase());
  },

  expectNoAxeViolations: async ({ javaScriptEnabled }, use) => {
    await use(async (page, label) => {
      // axe runs inside the page; with scripts disabled it never answers.
      if (javaScriptEnabled === false) {
        throw new Error("expectNoAxeViolations needs a context with JavaScript enabled");
      }
      await settled(page);
      await expectNoAxeViolations(page, label);
      await expectNoSidewaysScroll(page, label);
      await noteCheckedRoute(page);
    });
  },
});

/** What the hydrated app puts on window: React Router's router, whose state the checks read. */
interface RouterWindow {
  __reactRouterDataRouter?: {
    state: { navigation: { state: string }; matches: { route: { id: string } }[] };
  };
}

/**
 * Waits until the app's router has no navigation under way, so that a check right after a
 * click on a link checks (and notes) the page the link leads to, not the one it left. Before
 * hydration there is no router, and a plain HTML navigation is already over when it starts.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ((window as RouterWindow).__reactRouterDataRouter?.state.navigation.state ?? "idle") ===
      "idle",
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * Notes which route of app/routes.ts rendered the page just checked: the id of the deepest
 * match in the hydrated router (React Router puts it on window), one line per check in a file
 * of this worker process's own (workers run in parallel, and one that failed is replaced by a
 * new process). e2e/route-coverage.spec.ts reads them all when every journey has run.
 */
async function noteCheckedRoute(page: Page): Promise<void> {
  // Waits for hydration, which a check right after a page load may come before.
  const routeId = await page
    .waitForFunction(
      () => (window as RouterWindow).__reactRouterDataRouter?.state.matches.at(-1)?.route.id,
      undefined,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue());
  const lang = (await page.locator("html").getAttribute("lang")) ?? "";
  fs.mkdirSync(axeRoutesDir, { recursive: true });
  fs.appendFileSync(
    path.join(axeRoutesDir, `${process.pid}.txt`),
    `${routeId}\t${new URL(page.url()).pathname}\t${lang}\n`,
  );
}

/**
 * Navigates, then waits until React has hydrated the page: React Router's ScrollRestoration
 * switches history.scrollRestoration to "manual" in an effect, which runs only once the
 * hydrated tree is committed. Until then a click on a link or a submit button is a plain
 * HTML navigation, not the app's, so tests with JavaScript open pages through this.
 */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await page.waitForFunction(() => window.history.scrollRestoration === "manual");
  return response;
}

/**
 * Comes to a meeting the way people do: the front page, then a click on the meeting's title.
 * With JavaScript that is a client-side navigation, so the meeting page and its forms are
 * rendered in the browser rather than served (the path that once showed the spam trap, issue
 * 15); without, a plain page load. Both pages are checked for sideways scrolling at 320 px.
 * Resolves on the meeting page. `origin` is another server's (the rate-limited one).
 */
export async function openMeetingFromFrontPage(
  page: Page,
  meeting: Pick<TestMeeting, "title" | "path">,
  origin = "",
) {
  await page.goto(`${origin}/`);
  // The framework's inline script sets this only where scripts run.
  if (await page.evaluate(() => "__reactRouterContext" in window)) {
    await page.waitForFunction(() => window.history.scrollRestoration === "manual");
  }
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, "front page");
  await page.getByRole("link", { name: meeting.title, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === meeting.path);
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
  await expectNoSidewaysScroll(page, `meeting page ${meeting.path}`);
}

/** axe-core, WCAG 2.0/2.1 A and AA rules; a failure lists rule, impact, selectors and why. */
async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // The app has no frames; legacy mode runs in the page itself instead of opening a second
    // page to merge per-frame results, which halves the time each check takes.
    .setLegacyMode(true)
    .analyze();
  const readable = results.violations.map((v) =>
    [
      `${v.id} (${v.impact ?? "?"}): ${v.help}`,
      `  ${v.helpUrl}`,
      ...v.nodes.map(
        (n) =>
          `  - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
      ),
    ].join("\n"),
  );
  // Soft: the journey goes on, and the test still fails with every page's violations listed.
  expect.soft(readable, `axe violations on ${label ?? new URL(page.url()).pathname}`).toEqual([]);
}
