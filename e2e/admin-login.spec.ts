/**
 * Organisers 2: logging in and out. Anonymous visitors to /admin pages are sent to the login
 * page and back to where they were going; a wrong password is a 400 with one message that
 * doesn't tell which part was wrong. (Throttling after repeated failures is unit-tested: here
 * every test logs in from 127.0.0.1, and a throttled address would fail the other tests.)
 */
import { adminNav, expect, fillLogin, logOut, open, test } from "./support/admin";

test("an organiser logs in, is sent back to the page asked for, and logs out", async ({
  page,
  createOrganiser,
  expectNoAxeViolations,
}) => {
  const organiser = createOrganiser({
    role: "organiser",
    name: "Liv Innlogging",
  });

  await open(page, "/admin/meetings/new");
  await expect(page).toHaveURL("/admin/login?redirectTo=%2Fadmin%2Fmeetings%2Fnew");
  await expect(
    page.getByRole("heading", { level: 1, name: "Logg inn som arrangør" }),
  ).toBeVisible();
  await expect(adminNav(page)).toHaveCount(0);
  await expectNoAxeViolations(page, "login page");

  // Wrong password: 400, one message that doesn't say which part was wrong; the address kept.
  await fillLogin(page, organiser.email, "Feil passord for Liv 2031");
  const refused = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/admin/login"),
  );
  await page.getByRole("button", { name: "Logg inn" }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.locator("#error-summary")).toContainText("Feil e-postadresse eller passord.");
  await expect(page).toHaveURL(/\/admin\/login\?redirectTo=%2Fadmin%2Fmeetings%2Fnew$/);
  await expect(page.getByLabel("E-post", { exact: true })).toHaveValue(organiser.email);
  await expectNoAxeViolations(page, "login page with an error");

  await fillLogin(page, organiser.email, organiser.password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page).toHaveURL("/admin/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Nytt møte" })).toBeVisible();
  await expect(adminNav(page)).toContainText("Innlogget som Liv Innlogging");

  // Logged in, the login page sends the organiser on.
  await open(page, "/admin/login");
  await expect(page).toHaveURL("/admin");

  await logOut(page);
  await expect(page.getByRole("status")).toHaveText("Du er logget ut.");
  await expectNoAxeViolations(page, "login page after logging out");

  // The session is gone: every admin page asks for a login again.
  for (const path of ["/admin", "/admin/account", "/admin/meetings/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(`/admin/login?redirectTo=${encodeURIComponent(path)}`);
  }
});
