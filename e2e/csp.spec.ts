/**
 * The pages keep working under the Content-Security-Policy: the framework's inline scripts
 * carry the response's nonce, so React hydrates, and the browser reports no violation. Each
 * page is loaded twice (a reload may be answered from the browser's cache, and a 304 must not
 * bring a policy whose nonce the cached page does not carry).
 */
import type { Page } from "@playwright/test";
import { expect, manageLinkIn, open, test, waitForMail } from "./support/admin";
import { fillRsvp, sentPage, signUpSubject } from "./support/rsvp";

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
    // The honeypot's own inline style (nonce) hides its trap field.
    await expect(page.locator('form#rsvp input[name="website"]'), load).toBeHidden();
    expect(await violations(), load).toEqual([]);
  }
});

test("a registration, its personal page with the QR code and a client-side navigation work under the policy", async ({
  page,
  meeting,
  uniqueEmail,
}) => {
  const violations = await watchViolations(page);
  await open(page, meeting.path);
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
