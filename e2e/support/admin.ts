/**
 * The organisers' side: the suite's test object (./fixtures.ts) plus
 * - `createOrganiser({ role })`: an account written into server 1's SQLite file with the app's
 *   own modules. Hashing (scrypt, N = 2^17) takes seconds, so each worker hashes one password
 *   once and every organiser it makes shares it (`organiserPassword`), each with its own address;
 * - `admin`: a logged-in administrator for the test's `page`/`context`. One login per worker
 *   (through the login form, as a person does it); tests get its cookie, so they start on the
 *   page they are about, and a test that logs out or changes a password uses its own account;
 * - `logIn(page, organiser)`: the login form, filled and sent.
 * Labels are the Norwegian ones in app/i18n/nb-admin.ts.
 */
import type { Browser, BrowserContextOptions, Cookie, Page } from "@playwright/test";
import { hashPassword } from "../../app/auth/password.server";
import { insertOrganiser, type OrganiserRole } from "../../db/organisers";
import { expect, open, randomSuffix, test as base } from "./fixtures";
import { appUrl } from "./paths";
import { register, type RsvpInput } from "./rsvp";

export * from "./fixtures";

/** Long, not common, and shares no word with the test accounts' names or addresses. */
export const organiserPassword = "Fjellvann ved Kvikne 2031";

export interface TestOrganiser {
  id: number;
  name: string;
  email: string;
  role: OrganiserRole;
  password: string;
}

type AdminWorkerFixtures = {
  organiserPasswordHash: string;
  workerAdmin: { organiser: TestOrganiser; cookies: Cookie[] };
};

type AdminTestFixtures = {
  createOrganiser: (options?: { role?: OrganiserRole; name?: string }) => TestOrganiser;
  admin: TestOrganiser;
};

export const test = base.extend<AdminTestFixtures, AdminWorkerFixtures>({
  organiserPasswordHash: [
    async ({}, use) => {
      await use(await hashPassword(organiserPassword));
    },
    { scope: "worker" },
  ],

  workerAdmin: [
    async ({ db, organiserPasswordHash, browser }, use, workerInfo) => {
      const organiser = makeOrganiser(db, organiserPasswordHash, {
        role: "admin",
        name: `Åshild Administrator ${workerInfo.workerIndex}`,
        label: `admin-w${workerInfo.workerIndex}`,
      });
      await use({ organiser, cookies: await loginCookies(browser, organiser) });
    },
    { scope: "worker" },
  ],

  createOrganiser: async ({ db, organiserPasswordHash }, use, testInfo) => {
    await use(({ role = "organiser", name } = {}) =>
      makeOrganiser(db, organiserPasswordHash, {
        role,
        name: name ?? (role === "admin" ? "Aud Administrator" : "Ola Arrangør"),
        label: `${role}-w${testInfo.workerIndex}`,
      }),
    );
  },

  admin: async ({ workerAdmin, context }, use) => {
    await context.addCookies(workerAdmin.cookies);
    await use(workerAdmin.organiser);
  },
});

function makeOrganiser(
  db: Parameters<typeof insertOrganiser>[0],
  passwordHash: string,
  { role, name, label }: { role: OrganiserRole; name: string; label: string },
): TestOrganiser {
  const email = `${label}-${randomSuffix()}@kommune.example`;
  const id = insertOrganiser(db, { email, name, role, passwordHash });
  return { id, name, email, role, password: organiserPassword };
}

/**
 * A second browser of the same person (another device): a context of its own, with the
 * suite's base URL, language and time zone (browser.newContext() doesn't take the config's).
 */
export function newDevice(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({
    baseURL: appUrl,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    ...options,
  });
}

/**
 * Citizens sign up one after the other on a device of their own (not the organiser's logged-in
 * browser), each through the public form and the link mailed to them. Returns the status each
 * one's page showed ("Påmeldt", "Venteliste, nummer 1").
 */
export async function signUpElsewhere(
  browser: Browser,
  meeting: { path: string },
  people: (RsvpInput & { name: string; email: string })[],
) {
  const citizens = await newDevice(browser);
  try {
    const citizen = await citizens.newPage();
    const statuses: string[] = [];
    for (const person of people) {
      await open(citizen, meeting.path);
      await register(citizen, person);
      statuses.push((await citizen.locator("#registration-status").textContent())?.trim() ?? "");
    }
    return statuses;
  } finally {
    await citizens.close();
  }
}

/** Logs in once in a throwaway context and keeps the session cookie. */
async function loginCookies(browser: Browser, organiser: TestOrganiser): Promise<Cookie[]> {
  const context = await newDevice(browser);
  try {
    const page = await context.newPage();
    await logIn(page, organiser);
    return await context.cookies();
  } finally {
    await context.close();
  }
}

export const loginLabels = {
  email: "E-post",
  password: "Passord",
  submit: "Logg inn",
} as const;

/**
 * Opens the login page (with `redirectTo` when given), logs in and waits to leave the page.
 * Resolves on the page the app sends the organiser to.
 */
export async function logIn(
  page: Page,
  organiser: Pick<TestOrganiser, "email" | "password">,
  { redirectTo, password }: { redirectTo?: string; password?: string } = {},
) {
  const url = redirectTo
    ? `/admin/login?redirectTo=${encodeURIComponent(redirectTo)}`
    : "/admin/login";
  await open(page, url);
  await fillLogin(page, organiser.email, password ?? organiser.password);
  await page.getByRole("button", { name: loginLabels.submit }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

export async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel(loginLabels.email, { exact: true }).fill(email);
  await page.getByLabel(loginLabels.password, { exact: true }).fill(password);
}

/** The admin navigation ("Arrangørmeny"). */
export const adminNav = (page: Page) => page.getByRole("navigation", { name: "Arrangørmeny" });

/** Logs out with the nav's POST button; resolves on the login page. */
export async function logOut(page: Page) {
  await adminNav(page).getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/admin\/login\?loggedOut=1$/);
}

/** The path of an admin page of a meeting, e.g. meetingPath(7, "attendees"). */
export const meetingPath = (id: number, page?: string) =>
  page ? `/admin/meetings/${id}/${page}` : `/admin/meetings/${id}`;
