import { describe, expect, it } from "vitest";
import { insertOrganiser } from "../../db/organisers";
import { hashPassword } from "./password.server";
import { OPEN_ADMIN_PATHS, pagePaths } from "../testing/routes";
import { serveThisFile } from "../testing/served";
import { logInOverHttp } from "../testing/server";
import { meetingWithKari } from "../testing/services";

const adminPaths = pagePaths().filter(
  (p) => p.startsWith("/admin") && !OPEN_ADMIN_PATHS.includes(p),
);

const env = serveThisFile({
  prepare: async (db) => {
    ({ meetingId, registrationId } = meetingWithKari(db));
    const passwordHash = await hashPassword(PASSWORD);
    insertOrganiser(db, {
      email: "admin@roros.kommune.no",
      name: "Ada Admin",
      role: "admin",
      passwordHash,
    });
    insertOrganiser(db, {
      email: "org@roros.kommune.no",
      name: "Olav Organiser",
      role: "organiser",
      passwordHash,
    });
  },
});
let meetingId = 0;
let registrationId = 0;
const PASSWORD = "Fjellvettreglene-på-Røros-2026";

const url = (path: string) =>
  env.base +
  path
    .replace(":id", String(meetingId))
    .replace(":registrationId", String(registrationId))
    .replace(":messageId", "1");

const login = (email: string) => logInOverHttp(env.base, email, PASSWORD);

describe("every /admin route", () => {
  it("is enumerated from the route config", () => {
    expect(adminPaths).toContain("/admin");
    expect(adminPaths).toContain("/admin/meetings/:id/export.csv");
    expect(adminPaths.length).toBeGreaterThan(12);
  });

  it("sends an anonymous GET to the login page", async () => {
    for (const path of adminPaths) {
      const response = await fetch(url(path), { redirect: "manual" });
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/admin\/login\?redirectTo=/);
    }
  });

  it("refuses an anonymous POST, same-site or cross-site, and changes nothing", async () => {
    for (const path of adminPaths) {
      const sameSite = await fetch(url(path), {
        method: "POST",
        redirect: "manual",
        headers: { Origin: env.base, "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=cancel&registrationId=" + registrationId,
      });
      expect([302, 405], path).toContain(sameSite.status);
      if (sameSite.status === 302)
        expect(sameSite.headers.get("location"), path).toMatch(/^\/admin\/login/);
      const crossSite = await fetch(url(path), {
        method: "POST",
        redirect: "manual",
        headers: {
          "Sec-Fetch-Site": "cross-site",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "intent=cancel&registrationId=" + registrationId,
      });
      expect([403, 405], path).toContain(crossSite.status);
    }
  });

  it("refuses a cross-site POST even with a logged-in organiser's cookie", async () => {
    const cookie = await login("admin@roros.kommune.no");
    for (const path of adminPaths) {
      for (const [headers, refusals] of [
        [{ "Sec-Fetch-Site": "cross-site" }, [403, 405]],
        [{}, [403, 405]],
        // React Router itself answers 400 to a foreign Origin before our check runs.
        [{ Origin: "https://evil.example" }, [400, 403, 405]],
      ] as const) {
        const response = await fetch(url(path), {
          method: "POST",
          redirect: "manual",
          headers: {
            ...headers,
            Cookie: cookie,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: "intent=cancel&registrationId=" + registrationId,
        });
        expect(refusals, `${path} ${JSON.stringify(headers)}`).toContain(response.status);
      }
    }
    const status = env.db
      .prepare("SELECT status FROM registrations WHERE id = ?")
      .get(registrationId) as { status: string };
    expect(status.status).toBe("confirmed");
  });

  it("lets an organiser in, but keeps admin pages for admins (403)", async () => {
    const cookie = await login("org@roros.kommune.no");
    const ok = await fetch(url("/admin/meetings/:id"), {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expect(ok.status).toBe(200);
    for (const path of ["/admin/audit", "/admin/organisers"]) {
      const response = await fetch(url(path), { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, path).toBe(403);
    }
  });
});
