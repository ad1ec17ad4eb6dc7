/**
 * Journey 10: markup typed into the form is shown as text, never run or rendered, on the
 * personal page and in the mail.
 */
import {
  expect,
  openMeetingFromFrontPage,
  openMailHtml,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/fixtures";
import { register } from "./support/rsvp";

const NAME = "<script>window.__pwned=1</script><b>X</b>";
const NEEDS = '<img src=x onerror="window.__pwned=2">';

test("markup in the name and needs is shown as text and never runs", async ({
  page,
  context,
  meeting,
  uniqueEmail,
}) => {
  const email = uniqueEmail("xss");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await openMeetingFromFrontPage(page, meeting);
  await register(page, {
    name: NAME,
    email,
    needs: { other: true, text: NEEDS },
  });
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();

  // Shown literally, as text.
  await expect(page.getByText(NAME, { exact: true })).toBeVisible();
  await expect(page.getByText(`Annet. ${NEEDS}`, { exact: true })).toBeVisible();
  // Not turned into elements, not run: after client-side navigation and after a full load.
  for (const when of ["after the redirect", "after a reload"]) {
    if (when === "after a reload") await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
    expect(await page.locator("main b", { hasText: /^X$/ }).count(), when).toBe(0);
    expect(await page.locator("main img[onerror], main img[src=x]").count(), when).toBe(0);
    expect(await page.locator("main script").count(), when).toBe(0);
    expect(
      await page.evaluate(() => (window as { __pwned?: number }).__pwned),
      when,
    ).toBeUndefined();
  }
  expect(dialogs).toEqual([]);

  // The mail: escaped in the HTML part, plain text in the text part.
  const mail = await waitForMail(email, subjectStartsWith("Påmeldt:"));
  const html = typeof mail.html === "string" ? mail.html : "";
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<b>X</b>");
  expect(html).toContain("&lt;script&gt;");
  expect(mail.text).toContain(NAME);
  const view = await openMailHtml(context, mail);
  await expect(view.getByText(`Hei ${NAME},`)).toBeVisible();
  expect(await view.locator("b", { hasText: /^X$/ }).count()).toBe(0);
  expect(await view.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await view.close();
  // The recipient's name stays inside the To header.
  expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
    { name: NAME, address: email },
  ]);
});
