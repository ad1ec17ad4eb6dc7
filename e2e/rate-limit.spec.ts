/**
 * Journey 9: too many RSVP posts from one person (one browser, its cookie). Runs against the
 * second server, started with RSVP_RATE_LIMIT=3 and used by no other sign-up test, so its
 * counter starts at zero.
 */
import { expect, openMeetingFromFrontPage, test } from "./support/fixtures";
import { demoSlug, limitedRateLimit, limitedUrl } from "./support/paths";
import { at, fillRsvp } from "./support/rsvp";

const message = /Du har sendt mange påmeldinger på kort tid\. Vent (\d+) minutter og prøv igjen\./;

test("answers 429 with a Norwegian message past the limit", async ({
  page,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meetingUrl = `${limitedUrl}/meetings/${demoSlug}`;

  // The first three posts are let through (to validation, which refuses these empty forms).
  for (let i = 0; i < limitedRateLimit; i++) {
    const response = await page.request.post(meetingUrl, {
      form: { name: "", email: "" },
      headers: { Origin: limitedUrl },
      maxRedirects: 0,
    });
    expect(response.status(), `post ${i + 1}`).toBe(400);
  }

  // The fourth, a real and valid registration from the browser, is turned away.
  await openMeetingFromFrontPage(
    page,
    { title: "Informasjonsmøte om småhus ved Gjøsvika", path: `/meetings/${demoSlug}` },
    limitedUrl,
  );
  await fillRsvp(page, {
    name: "Rask Registrerer",
    email: uniqueEmail("rask"),
    consent: true,
  });
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Meld meg på" }).click(),
  ]);
  expect(post.status()).toBe(429);
  const summary = page.locator("#error-summary");
  await expect(summary).toContainText(message);
  // The window is 600 s, so the wait is ten minutes at most (and at least one).
  const minutes = Number(message.exec((await summary.textContent()) ?? "")?.[1]);
  expect(minutes).toBeGreaterThanOrEqual(1);
  expect(minutes).toBeLessThanOrEqual(10);
  await expect(page).toHaveURL(at(`/meetings/${demoSlug}`));
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toHaveCount(0);
  await expectNoAxeViolations(page, "meeting page, rate limited");

  // A plain post gets the same answer, with Retry-After.
  const response = await page.request.post(meetingUrl, {
    form: { name: "Rask Registrerer", email: uniqueEmail("rask2") },
    headers: { Origin: limitedUrl },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(429);
  expect(await response.text()).toMatch(message);
  // The action sets Retry-After (seconds left in the window).
  const retryAfter = Number(response.headers()["retry-after"]);
  expect.soft(retryAfter, "Retry-After header").toBeGreaterThan(0);
  expect.soft(retryAfter, "Retry-After header").toBeLessThanOrEqual(600);
});
