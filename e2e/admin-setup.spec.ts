/**
 * Organisers 1: first run. A fresh install has no organiser; the server prints a one-time
 * link, the person who installed it makes the first admin account there, and the link is
 * then spent. This needs an empty database, so the test starts a server of its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { freePort } from "../app/testing/server";
import { serverStart } from "../app/testing/start-command";
import { adminNav, expect, fillLogin, logOut, open, test } from "./support/admin";
import { firstRunDataDir, projectRoot } from "./support/paths";

interface FirstRunServer {
  url: string;
  setupLink: string;
  stop: () => Promise<void>;
}

/**
 * Starts the built app as `npm start` does (production settings) on a free port and an empty
 * data folder; resolves once it has printed the setup link and listens. Its output is read
 * here, so app/testing/server.ts (which ignores it) doesn't fit.
 */
async function startFirstRunServer(dataDir: string): Promise<FirstRunServer> {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  // localhost, as the browser writes it: the app compares Origin with PUBLIC_URL.
  const url = `http://localhost:${port}`;
  const start = serverStart();
  const child: ChildProcess = spawn(process.execPath, start.args, {
    cwd: projectRoot,
    env: {
      ...start.env,
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SESSION_SECRET: "e2e-first-run-secret-that-is-at-least-32-characters",
      SEED_DEMO: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    const setupLink = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server printed no setup link in 20 s:\n${output}`)),
        20_000,
      );
      let link: string | null = null;
      const onData = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        link ??=
          /No organiser yet\. Create the first admin account within 24 hours: (\S+)/.exec(
            output,
          )?.[1] ?? null;
        if (link && output.includes("folkemote listening on")) {
          clearTimeout(timer);
          resolve(link);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The server stopped (exit ${code}) before it was ready:\n${output}`));
      });
    });
    return { url, setupLink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

test("the printed setup link creates the first admin once, who can log out and in", async ({
  page,
  expectNoAxeViolations,
}) => {
  const server = await startFirstRunServer(firstRunDataDir);
  // The browser talks to this server, not to server 1: every address is absolute.
  const { url, setupLink } = server;
  try {
    expect(setupLink).toMatch(new RegExp(`^${url}/admin/setup/[A-Za-z0-9_-]{43}$`));

    // Before there is anybody, the admin pages still ask for a login.
    await open(page, `${url}/admin`);
    await expect(page).toHaveURL(`${url}/admin/login?redirectTo=%2Fadmin`);

    await open(page, setupLink);
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "Opprett den første administratoren",
      }),
    ).toBeVisible();
    await expectNoAxeViolations(page, "setup page");

    const name = "Randi Rådgiver";
    const email = "randi.radgiver@roros.kommune.example";
    await page.getByLabel("Navn", { exact: true }).fill(name);
    await page.getByLabel("E-post", { exact: true }).fill(email);

    // A common password is refused by the server; the name and address stay filled in.
    await page.getByLabel("Passord", { exact: true }).fill("Password123!");
    await page.getByLabel("Gjenta passordet", { exact: true }).fill("Password123!");
    const refused = page.waitForResponse(
      (r) =>
        r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/admin/setup/"),
    );
    await page.getByRole("button", { name: "Opprett konto" }).click();
    expect((await refused).status()).toBe(400);
    const summary = page.locator("#error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Passordet er for vanlig. Velg et annet.");
    await expect(page.getByLabel("Passord", { exact: true })).toHaveAccessibleDescription(
      /Passordet er for vanlig\. Velg et annet\./,
    );
    await expect(page.getByLabel("Navn", { exact: true })).toHaveValue(name);
    await expect(page.getByLabel("E-post", { exact: true })).toHaveValue(email);
    await expectNoAxeViolations(page, "setup page with an error");

    const password = "Blåbærlyng over Hummelfjell";
    await page.getByLabel("Passord", { exact: true }).fill(password);
    await page.getByLabel("Gjenta passordet", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Opprett konto" }).click();

    // Logged in, on the meetings list (empty: no demo meeting on this server).
    await expect(page).toHaveURL(`${url}/admin`);
    await expect(page.getByRole("heading", { level: 1, name: "Møter" })).toBeVisible();
    await expect(adminNav(page)).toContainText(`Innlogget som ${name}`);
    // The first account is an administrator.
    await expect(adminNav(page).getByRole("link", { name: "Arrangører" })).toBeVisible();
    await expect(page.getByText("Ingen møter ennå.")).toBeVisible();
    await expectNoAxeViolations(page, "empty meetings list");

    // The link is spent.
    const again = await page.goto(setupLink);
    expect(again?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Opprett den første administratoren",
    );
    await expect(page.getByText("Lenken er brukt eller utløpt.", { exact: false })).toBeVisible();

    await open(page, `${url}/admin`);
    await logOut(page);
    await expect(page.getByRole("status")).toHaveText("Du er logget ut.");
    await open(page, `${url}/admin`);
    await expect(page).toHaveURL(`${url}/admin/login?redirectTo=%2Fadmin`);

    await fillLogin(page, email, password);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page).toHaveURL(`${url}/admin`);
    await expect(adminNav(page)).toContainText(`Innlogget som ${name}`);
  } finally {
    await server.stop();
  }
});
