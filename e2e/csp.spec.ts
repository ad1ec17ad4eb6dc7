/**
 * The pages keep working under the Content-Security-Policy: the framework's inline scripts
 * carry the response's nonce, so React hydrates, and the browser reports no violation. Each
 * page is loaded twice (a reload may be answered from the browser's cache, and a 304 must not
 * bring a policy whose nonce the cached page does not carry).
 */
import type { Page } from "@playwright/test";
import {
  expect,
  manageLinkIn,
  open,
  openMeetingFromFrontPage,
  test,
  waitForMail,
} from "./support/admin";
import { fillRsvp, sentPage, signUpSubject, submitRsvp } from "./support/rsvp";

/** Collects every CSP violation the page reports, from the event and from the console. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const seen = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return async () => [
    ...violations,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test("the meeting page hydrates under the policy, on the first load and the second", async ({
  page,
  meeting,
}) => {
  const violations = await watchViolations(page);
  const posts: { url: string; type: string }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST")
      posts.push({ url: request.url(), type: request.resourceType() });
  });

  for (const load of ["first", "second"]) {
    // The second load is a reload: the browser revalidates what it has cached, and a 304
    // would keep the cached page (and its nonces) with whatever headers the 304 brings.
    const response = load === "first" ? await open(page, meeting.path) : await page.reload();
    await page.waitForFunction(() => window.history.scrollRestoration === "manual");
    // A 304 carries no policy; the page then keeps the one it was first sent with.
    if (response?.status() !== 304) {
      expect(response?.headers()["content-security-policy"], load).toMatch(
        /script-src 'self' 'nonce-/,
      );
    }
    // Only hydrated React submits by fetch (to .data) instead of loading a new document.
    posts.length = 0;
    await page.locator("form#rsvp").getByRole("button", { name: "Meld meg på" }).click();
    await expect(page.locator("#error-summary"), load).toBeVisible();
    expect(posts, load).toEqual([{ url: expect.stringMatching(/\.data$/), type: "fetch" }]);
    // A class in the stylesheet hides the spam trap (no inline style, which would need a nonce).
    await expect(page.locator('form#rsvp input[name="website"]'), load).toBeHidden();
    expect(await violations(), load).toEqual([]);
  }
});

test("a page answered from the kept gzip, with its own nonce, hydrates under the policy", async ({
  page,
  request,
  meeting,
}) => {
  test.setTimeout(120_000);
  // The kept page is answered early within the minute it was kept in: start early in one.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await page.waitForTimeout(60_500 - intoMinute);
  // Someone else's visit renders the page and keeps it (their own cookies, not this page's).
  expect((await request.get(meeting.path)).status()).toBe(200);
  const violations = await watchViolations(page);
  // Its scripts and styles come as the brotli made at build time (ADR 0025), whose length is
  // known before it is sent (the middleware's, made per request, is sent in chunks).
  // Taken from the first load, before the browser has any of them in its cache.
  const files: { url: string; encoding?: string; length?: string }[] = [];
  let firstLoad = true;
  page.on("response", (r) => {
    if (firstLoad && /\/assets\/[^/]+\.(js|css)$/.test(r.url())) {
      const headers = r.headers();
      files.push({
        url: r.url(),
        encoding: headers["content-encoding"],
        length: headers["content-length"],
      });
    }
  });
  // This visitor comes from a shared link, without cookies, and the browser asks for gzip.
  let response = await open(page, meeting.path);
  firstLoad = false;
  // A write by another test between the keeping and this visit makes the page render again
  // (compressed by the middleware, in br): the tests running beside this one write in bursts,
  // so keep it again and come back, as a later visitor would, for up to 30 s.
  const giveUpAt = Date.now() + 30_000;
  while (response?.headers()["content-encoding"] !== "gzip" && Date.now() < giveUpAt) {
    await page.waitForTimeout(300);
    expect((await request.get(meeting.path)).status()).toBe(200);
    response = await open(page, meeting.path);
  }
  expect(response?.headers()["content-encoding"]).toBe("gzip");
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  // Hydrated: the form is submitted by fetch, and the browser reports no violation.
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.resourceType());
  });
  await page.locator("form#rsvp").getByRole("button", { name: "Meld meg på" }).click();
  await expect(page.locator("#error-summary")).toBeVisible();
  expect(posts).toEqual(["fetch"]);
  expect(await violations()).toEqual([]);
  expect(files.length).toBeGreaterThan(5);
  // The few below 1 KB have no copy and come as they are.
  expect(files.filter((f) => f.encoding === "br").length).toBeGreaterThan(files.length / 2);
  expect(files.filter((f) => f.encoding !== "br" && f.encoding !== undefined)).toEqual([]);
  expect(files.filter((f) => f.encoding === "br" && !f.length)).toEqual([]);
});

/**
 * The path most people take: the front page, then the meeting. That click is a client-side
 * navigation, so the page and its three forms are rendered in the browser, where no nonce can
 * be had: the spam trap (two fields on each form) must stay hidden without one, in every
 * language, and each visible form must still go through.
 */
const languages = [
  { lang: "nb", name: "Bokmål", trap: "La dette feltet stå tomt" },
  { lang: "nn", name: "Nynorsk", trap: "La dette feltet stå tomt" },
  { lang: "en", name: "English", trap: "Leave this field empty" },
] as const;

for (const { lang, name, trap } of languages) {
  test(`after a client-side navigation from the front page the spam trap stays hidden and the form goes through (${lang})`, async ({
    page,
    meeting,
    uniqueEmail,
    expectNoAxeViolations,
  }) => {
    const violations = await watchViolations(page);
    await open(page, "/");
    if (lang !== "nb") {
      await page.getByRole("navigation", { name: "Språk" }).getByRole("link", { name }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await page.waitForFunction(() => window.history.scrollRestoration === "manual");
    }
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    await page.getByRole("link", { name: meeting.title, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === meeting.path);
    await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
    expect(documents, "rendered in the browser, not loaded").toEqual([]);

    const trapFields = page.locator('input[name="website"], input[name="from__confirm"]');
    await expect(trapFields).toHaveCount(6);
    for (const field of await trapFields.all()) await expect(field).toBeHidden();
    await expect(page.getByText(trap, { exact: true }).filter({ visible: true })).toHaveCount(0);
    // The time the form was served still goes with it.
    await expect(page.locator('form#rsvp input[name="from__confirm"]')).not.toHaveValue("");
    await expectNoAxeViolations(page, `meeting page after a client-side navigation (${lang})`);

    if (lang === "nb") {
      await submitRsvp(page, { name: "Klara Klikk", email: uniqueEmail("klikk") });
      await expect(
        page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" }),
      ).toBeVisible();
    } else if (lang === "nn") {
      // By the nynorsk labels (the question helper's are bokmål).
      const form = page.locator("form#question");
      await form.getByLabel("Tema (må fyllast ut)").selectOption({ label: "Trafikk og parkering" });
      await form.getByLabel("Spørsmålet ditt (må fyllast ut)").fill("Kor skal bilane stå?");
      await form.getByRole("button", { name: "Send spørsmålet" }).click();
      await expect(page).toHaveURL(/\/question\/[A-Za-z0-9_-]{43}\?sent=1$/);
      await expect(page.getByRole("status")).toHaveText(/^Takk! Spørsmålet er sendt\./);
    } else {
      const form = page.locator("form#subscribe");
      await form.getByLabel("Your email address").fill(uniqueEmail("click-en"));
      await form.getByRole("button", { name: "Keep me updated" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    }
    await expect(
      page.getByText(
        /^(Skjemaet kunne ikke sendes|Skjemaet kunne ikkje sendast|The form could not be sent)/,
      ),
    ).toHaveCount(0);
    expect(await violations()).toEqual([]);
  });
}

test("a registration, its personal page with the QR code and a client-side navigation work under the policy", async ({
  page,
  meeting,
  uniqueEmail,
}) => {
  const violations = await watchViolations(page);
  await openMeetingFromFrontPage(page, meeting);
  const email = uniqueEmail("csp");
  await fillRsvp(page, { name: "Cecilie Sikker", email, consent: true });
  await page.getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(sentPage);
  expect(await violations()).toEqual([]);
  // The personal page, opened from the link in the mail.
  await open(page, manageLinkIn(await waitForMail(email, signUpSubject)));
  // The check-in QR code is a data: image, allowed by img-src.
  const qr = page.locator("img[src^='data:image/png']");
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await page.reload();
  await page.waitForFunction(() => window.history.scrollRestoration === "manual");
  // A client-side navigation: React Router fetches .data instead of loading a document.
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.getByRole("link", { name: "Personvern" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(documents).toEqual([]);
  expect(await violations()).toEqual([]);
});

test("the organisers' editor validates in the browser (zod without eval) under the policy", async ({
  page,
  admin,
}) => {
  const violations = await watchViolations(page);
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await open(page, "/admin/meetings/new");
  await expect(page.getByText(`Innlogget som ${admin.name}`)).toBeVisible();
  await page.getByLabel("Tittel", { exact: true }).fill("");
  await page.getByRole("button", { name: "Opprett utkast" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  expect(posts).toEqual([]);
  expect(await violations()).toEqual([]);
});
