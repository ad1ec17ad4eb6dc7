/**
 * Organisers 3: accounts. An admin adds an organiser, who can run meetings but not see the
 * organiser list or the audit log (403); disabling ends the organiser's session. Changing a
 * password ends the organiser's other sessions.
 */
import { adminNav, expect, fillLogin, logIn, newDevice, open, test } from "./support/admin";

test("an admin adds an organiser, who is refused the admin pages and is shut out when disabled", async ({
  page,
  browser,
  admin,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  await open(page, "/admin/organisers");
  await expect(page.getByRole("heading", { level: 1, name: "Arrangører" })).toBeVisible();
  await expect(page.getByRole("cell", { name: admin.email })).toBeVisible();
  await expectNoAxeViolations(page, "organisers page");

  const name = "Petter Plankontor";
  const email = uniqueEmail("petter");
  const temporary = "Gangbru over Hitterelva 77";
  const form = page.locator("form#add-organiser");
  await form.getByLabel("Navn", { exact: true }).fill(name);
  await form.getByLabel("E-post", { exact: true }).fill(email);
  await form.getByLabel("Rolle", { exact: true }).selectOption({ label: "Arrangør" });

  // The temporary password must follow the same rules as any other.
  await form.getByLabel("Midlertidig passord", { exact: true }).fill("petterplankontor1");
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(page.locator("#error-summary")).toContainText(
    "Passordet kan ikke inneholde navnet eller e-postadressen din.",
  );
  await expect(form.getByLabel("Navn", { exact: true })).toHaveValue(name);
  await expectNoAxeViolations(page, "organisers page with an error");

  await form.getByLabel("Midlertidig passord", { exact: true }).fill(temporary);
  await form.getByRole("button", { name: "Legg til" }).click();
  await expect(page).toHaveURL("/admin/organisers?added=1");
  await expect(page.getByRole("status")).toHaveText("Arrangøren er lagt til.");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText(name);
  await expect(row).toContainText("Arrangør");
  await expect(row).toContainText("Aktiv");

  // The new organiser logs in in a browser of their own.
  const theirs = await newDevice(browser);
  try {
    const other = await theirs.newPage();
    await logIn(other, { email, password: temporary });
    await expect(other).toHaveURL("/admin");
    const nav = adminNav(other);
    await expect(nav.getByRole("link", { name: "Møter" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Min konto" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Arrangører" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Logg", exact: true })).toHaveCount(0);
    await expectNoAxeViolations(other, "meetings list as an organiser");

    for (const path of ["/admin/audit", "/admin/organisers"]) {
      const response = await other.goto(path);
      expect(response?.status(), `${path} for an organiser`).toBe(403);
      // The app's own error page, in Norwegian, with the message the catalogue has for it
      // (soft: the journey goes on to the disabling either way).
      await expect
        .soft(other.getByText("Du har ikke tilgang til denne siden."), `${path} says why`)
        .toBeVisible({ timeout: 2_000 });
    }

    // Disabled: the organiser's next page is the login page.
    await row.getByRole("button", { name: `Deaktiver ${name}` }).click();
    await expect(row).toContainText("Deaktivert");
    await expect(row.getByRole("button", { name: `Aktiver ${name}` })).toBeVisible();
    await open(other, "/admin");
    await expect(other).toHaveURL("/admin/login?redirectTo=%2Fadmin");
  } finally {
    await theirs.close();
  }
});

test("changing the password logs the organiser out everywhere else", async ({
  browser,
  page,
  createOrganiser,
  expectNoAxeViolations,
}) => {
  const organiser = createOrganiser({
    role: "organiser",
    name: "Siri Passordbytter",
  });
  await logIn(page, organiser);

  // A second device, logged in as the same organiser.
  const laptop = await newDevice(browser);
  try {
    const other = await laptop.newPage();
    await logIn(other, organiser);
    await expect(other.getByRole("heading", { level: 1, name: "Møter" })).toBeVisible();

    await adminNav(page).getByRole("link", { name: "Min konto" }).click();
    await expect(page).toHaveURL("/admin/account");
    await expect(page.getByRole("heading", { level: 1, name: "Min konto" })).toBeVisible();
    await expect(
      page.getByText(`Siri Passordbytter (${organiser.email}) – Arrangør`),
    ).toBeVisible();
    // The address for password managers is in the form, but not on screen (soft: the
    // password change is the point here).
    await expect
      .soft(page.locator('input[name="username"]'), "hidden username field")
      .toBeHidden({ timeout: 2_000 });
    await expectNoAxeViolations(page, "account page");

    const next = "Morgentåke i Femundsmarka";
    await page.getByLabel("Nåværende passord", { exact: true }).fill(organiser.password);
    await page.getByLabel("Nytt passord", { exact: true }).fill(next);
    await page.getByLabel("Gjenta passordet", { exact: true }).fill(`${next}!`);
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await expect(page.locator("#error-summary")).toContainText("Passordene er ikke like.");
    await expectNoAxeViolations(page, "account page with an error");

    await page.getByLabel("Gjenta passordet", { exact: true }).fill(next);
    await page.getByRole("button", { name: "Bytt passord" }).click();
    await expect(page).toHaveURL("/admin/account?changed=1");
    await expect(page.getByRole("status")).toHaveText(
      "Passordet er byttet. Du er logget ut på alle andre enheter.",
    );

    // This device stays logged in …
    await open(page, "/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Møter" })).toBeVisible();
    // … the other one is sent to the login page on its next navigation.
    await open(other, "/admin/account");
    await expect(other).toHaveURL("/admin/login?redirectTo=%2Fadmin%2Faccount");

    // The old password no longer works; the new one does.
    await fillLogin(other, organiser.email, organiser.password);
    await other.getByRole("button", { name: "Logg inn" }).click();
    await expect(other.locator("#error-summary")).toContainText(
      "Feil e-postadresse eller passord.",
    );
    await fillLogin(other, organiser.email, next);
    await other.getByRole("button", { name: "Logg inn" }).click();
    await expect(other).toHaveURL("/admin/account");
  } finally {
    await laptop.close();
  }
});
