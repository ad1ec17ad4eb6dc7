/**
 * Every citizen page in nynorsk and English, axe-checked (issue 18: axe on every route in
 * every citizen language; route-coverage.spec.ts holds every citizen page to bokmål, nynorsk
 * and English). A reader chooses the language on the front page and goes on as people do
 * (support/citizen-walk.ts). South Sámi takes the same walk in translations.spec.ts, while its
 * texts are imported.
 */
import { expect, open, test } from "./support/fixtures";
import { walkCitizenPages } from "./support/citizen-walk";

const languages = [
  ["nn", "Nynorsk"],
  ["en", "English"],
] as const;

for (const [lang, name] of languages) {
  test(`every citizen page in ${name}`, async ({
    page,
    createMeeting,
    uniqueEmail,
    expectNoAxeViolations,
  }) => {
    const meeting = createMeeting({ capacity: 10 });
    const check = async (what: string) => {
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectNoAxeViolations(page, `${what} in ${name}`);
    };
    await open(page, "/");
    await page.getByRole("navigation", { name: "Språk" }).getByRole("link", { name }).click();
    await check("front page");
    await walkCitizenPages(page, { meeting, label: lang, uniqueEmail, check });
  });
}
