import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertOrganiser, setDisabled } from "../../db/organisers";
import { countSessionsForOrganiser } from "../../db/sessions";
import { tempDatabase } from "../../db/testing";
import {
  createSession,
  destroySession,
  getOrganiser,
  revokeAllSessions,
  type SessionOptions,
} from "./session.server";

let t: ReturnType<typeof tempDatabase>;
let kari: number;
let per: number;
let clock: Date;
const options = (): SessionOptions => ({
  secrets: ["a-test-secret-that-is-at-least-32-characters"],
  secure: false,
  now: () => clock,
});

beforeEach(() => {
  t = tempDatabase();
  clock = new Date("2025-03-01T08:00:00Z");
  // Sessions don't look at the password: a placeholder hash spares the scrypt work.
  const passwordHash = "scrypt$17$8$1$x$y";
  kari = insertOrganiser(t.db, {
    email: "kari@roros.kommune.no",
    name: "Kari Nordmann",
    role: "admin",
    passwordHash,
  });
  per = insertOrganiser(t.db, {
    email: "per@roros.kommune.no",
    name: "Per Hansen",
    role: "organiser",
    passwordHash,
  });
});
afterEach(() => t.cleanup());

const later = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3600_000);
};
/** A browser request carrying the cookie from a Set-Cookie header. */
const requestWith = (setCookie: string, method = "GET") =>
  new Request("http://localhost:3000/admin", {
    method,
    headers: { Cookie: setCookie.split(";")[0]! },
  });
const whoIs = async (setCookie: string) =>
  (await getOrganiser(t.db, requestWith(setCookie), options()))?.name ?? null;

describe("sessions", () => {
  it("sets an HttpOnly, SameSite=Lax cookie, Secure when asked, and stores only a hash", async () => {
    const setCookie = await createSession(t.db, kari, options());
    expect(setCookie).toMatch(/^__folkemote_session=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain("Secure");
    expect(await createSession(t.db, kari, { ...options(), secure: true })).toContain("Secure");

    const rows = t.db.prepare("SELECT id_hash AS idHash FROM sessions").all() as {
      idHash: string;
    }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.idHash).toMatch(/^[0-9a-f]{64}$/);
      expect(decodeURIComponent(setCookie)).not.toContain(row.idHash);
    }
  });

  it("finds the organiser from the cookie, and nobody without a valid one", async () => {
    const setCookie = await createSession(t.db, kari, options());
    expect(await whoIs(setCookie)).toBe("Kari Nordmann");

    expect(await getOrganiser(t.db, new Request("http://localhost:3000/"), options())).toBeNull();
    const [pair] = setCookie.split(";");
    const tampered = pair!.slice(0, -2) + (pair!.endsWith("AA") ? "BB" : "AA");
    expect(await whoIs(tampered)).toBeNull();
    const otherSecret = { ...options(), secrets: ["another-secret-also-at-least-32-characters"] };
    expect(await getOrganiser(t.db, requestWith(setCookie), otherSecret)).toBeNull();
    // Rotation: the old secret listed second still verifies.
    const rotated = { ...options(), secrets: [otherSecret.secrets[0]!, options().secrets[0]!] };
    expect((await getOrganiser(t.db, requestWith(setCookie), rotated))?.id).toBe(kari);
  });

  it("expires after 8 idle hours", async () => {
    const setCookie = await createSession(t.db, kari, options());
    later(7.9);
    expect(await whoIs(setCookie)).toBe("Kari Nordmann");
    later(7.9); // 7.9 h after the last use: still alive, the idle limit slides
    expect(await whoIs(setCookie)).toBe("Kari Nordmann");
    later(8);
    expect(await whoIs(setCookie)).toBeNull();
  });

  it("touches the session at most once a minute", async () => {
    const setCookie = await createSession(t.db, kari, options());
    const lastSeen = () =>
      (t.db.prepare("SELECT last_seen_at AS v FROM sessions").get() as { v: string }).v;
    const created = lastSeen();
    later(30 / 3600);
    await whoIs(setCookie);
    expect(lastSeen()).toBe(created);
    later(31 / 3600);
    await whoIs(setCookie);
    expect(lastSeen()).toBe(clock.toISOString());
  });

  it("ends after 24 hours however active", async () => {
    const setCookie = await createSession(t.db, kari, options());
    for (let hour = 0; hour < 23; hour++) {
      later(1);
      expect(await whoIs(setCookie)).toBe("Kari Nordmann");
    }
    later(0.99);
    expect(await whoIs(setCookie)).toBe("Kari Nordmann");
    later(0.02);
    expect(await whoIs(setCookie)).toBeNull();
  });

  it("refuses a disabled organiser's sessions", async () => {
    const setCookie = await createSession(t.db, kari, options());
    setDisabled(t.db, kari, true);
    expect(await whoIs(setCookie)).toBeNull();
  });

  it("logs out: the session is deleted and the cookie cleared", async () => {
    const setCookie = await createSession(t.db, kari, options());
    const cleared = await destroySession(t.db, requestWith(setCookie, "POST"), options());
    expect(cleared).toMatch(/^__folkemote_session=;/);
    expect(cleared).toContain("Max-Age=0");
    expect(await whoIs(setCookie)).toBeNull();
    expect(countSessionsForOrganiser(t.db, kari)).toBe(0);
  });

  it("replaces the session a login request came with", async () => {
    const planted = await createSession(t.db, per, options());
    const fresh = await createSession(t.db, kari, {
      ...options(),
      replacing: requestWith(planted),
    });
    expect(await whoIs(planted)).toBeNull();
    expect(await whoIs(fresh)).toBe("Kari Nordmann");
  });

  it("revokes the others on a password change, or all of them", async () => {
    const laptop = await createSession(t.db, kari, options());
    const phone = await createSession(t.db, kari, options());
    const tablet = await createSession(t.db, kari, options());
    const perSession = await createSession(t.db, per, options());

    expect(await revokeAllSessions(t.db, kari, requestWith(laptop, "POST"), options())).toBe(2);
    expect(await whoIs(laptop)).toBe("Kari Nordmann");
    expect(await whoIs(phone)).toBeNull();
    expect(await whoIs(tablet)).toBeNull();

    expect(await revokeAllSessions(t.db, kari)).toBe(1);
    expect(await whoIs(laptop)).toBeNull();
    expect(await whoIs(perSession)).toBe("Per Hansen");
  });
});
