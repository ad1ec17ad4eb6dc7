import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertOrganiser } from "../../db/organisers";
import { tempDatabase } from "../../db/testing";
import { requireOrganiser, requireOrganiserAction, type GuardContext } from "./guard.server";
import { createSession } from "./session.server";

let t: ReturnType<typeof tempDatabase>;
let context: GuardContext;
let adminCookie: string;
let organiserCookie: string;

beforeEach(async () => {
  t = tempDatabase();
  const session = { secrets: ["a-test-secret-that-is-at-least-32-characters"], secure: false };
  context = { db: t.db, publicUrl: "http://localhost:3000", session };
  const hash = "scrypt$17$8$1$x$y";
  const admin = insertOrganiser(t.db, {
    email: "a@x.no",
    name: "Admin",
    role: "admin",
    passwordHash: hash,
  });
  const organiser = insertOrganiser(t.db, {
    email: "o@x.no",
    name: "Org",
    role: "organiser",
    passwordHash: hash,
  });
  adminCookie = (await createSession(t.db, admin, session)).split(";")[0]!;
  organiserCookie = (await createSession(t.db, organiser, session)).split(";")[0]!;
});
afterEach(() => t.cleanup());

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

const url = "http://localhost:3000/admin/meetings?page=2";

describe("requireOrganiser", () => {
  it("sends anonymous visitors to the login page with the way back", async () => {
    const response = await thrownBy(requireOrganiser(new Request(url), { context }));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(
      "/admin/login?redirectTo=%2Fadmin%2Fmeetings%3Fpage%3D2",
    );
  });

  it("returns the organiser, and answers 403 when the role is not enough", async () => {
    const asOrganiser = new Request(url, { headers: { Cookie: organiserCookie } });
    expect((await requireOrganiser(asOrganiser, { context })).name).toBe("Org");
    expect(await thrownBy(requireOrganiser(asOrganiser, { context, role: "admin" }))).toMatchObject(
      {
        init: { status: 403 },
      },
    );
    const asAdmin = new Request(url, { headers: { Cookie: adminCookie } });
    expect((await requireOrganiser(asAdmin, { context, role: "admin" })).name).toBe("Admin");
  });
});

describe("requireOrganiserAction", () => {
  it("refuses a cross-site post even with a valid session", async () => {
    const request = new Request(url, {
      method: "POST",
      headers: { Cookie: adminCookie, "Sec-Fetch-Site": "cross-site" },
    });
    expect(await thrownBy(requireOrganiserAction(request, { context }))).toMatchObject({
      init: { status: 403 },
    });
  });

  it("accepts a same-origin post", async () => {
    const request = new Request(url, {
      method: "POST",
      headers: { Cookie: adminCookie, Origin: "http://localhost:3000" },
    });
    expect((await requireOrganiserAction(request, { context })).name).toBe("Admin");
  });
});
