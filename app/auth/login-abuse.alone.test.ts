// Hostile logins against the built server: a burst of parallel wrong passwords from one
// address, the front page during that burst, the real owner from another address, and more
// parallel logins than the server hashes at once. Addresses come from X-Forwarded-For
// (TRUST_PROXY=loopback), as behind the municipality's proxy. The file runs alone, after the
// others (vitest.config.ts): its parallel logins must arrive together. How fast the front
// page is during such a burst is measured in `npm run bench`.
import { describe, expect, it } from "vitest";
import { insertOrganiser } from "../../db/organisers";
import { serveThisFile } from "../testing/served";
import { hashPassword } from "./password.server";

const PASSWORD = "Fjellvettreglene-på-Røros-2026";
const OWNER = "kari@roros.kommune.no";
const env = serveThisFile({
  vars: { TRUST_PROXY: "loopback" },
  prepare: async (db) => {
    insertOrganiser(db, {
      email: OWNER,
      name: "Kari Nordmann",
      role: "admin",
      passwordHash: await hashPassword(PASSWORD),
    });
  },
});

function login(email: string, password: string, from: string) {
  return fetch(`${env.base}/admin/login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: env.base,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": from,
    },
    body: new URLSearchParams({ email, password, redirectTo: "/admin" }),
  }).then(async (response) => ({
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: await response.text(),
  }));
}

describe("a burst of wrong logins", () => {
  it("answers 429 after the free attempts, and serves the front page while it checks passwords", async () => {
    const attacker = "198.51.100.66";
    // Warm: the first render of a fresh server is slow for reasons of its own.
    await (await fetch(`${env.base}/`)).text();
    let unanswered = 40;
    const burst = Promise.all(
      Array.from({ length: 40 }, () =>
        login(OWNER, "gjett-passordet-1", attacker).finally(() => unanswered--),
      ),
    );

    // The front page, again and again while the burst runs: each answered 200, and some
    // while logins still wait for their password check, not queued behind the hashing (which
    // held it up for 10–25 s when 40 hashes filled libuv's threads).
    let done = false;
    void burst.finally(() => (done = true));
    let pages = 0;
    let pagesWhileChecking = 0;
    while (!done || pages < 3) {
      const response = await fetch(`${env.base}/`);
      await response.text();
      expect(response.status).toBe(200);
      pages++;
      if (unanswered > 0) pagesWhileChecking++;
    }
    expect(pagesWhileChecking).toBeGreaterThan(0);

    const answers = await burst;
    const statuses = answers.map((a) => a.status);
    // Five free attempts get to a password check (400, or 503 when the hash queue is full).
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((s) => [400, 429, 503].includes(s))).toBe(true);
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body).toContain("For mange mislykkede innlogginger.");
    }
  }, 60_000);

  it("does not keep the owner out at another address", async () => {
    const owner = await login(OWNER, PASSWORD, "203.0.113.9");
    expect(owner.status).toBe(302);
    // The attacker's address is still blocked for this account.
    expect((await login(OWNER, PASSWORD, "198.51.100.66")).status).toBe(429);
  });
});

describe("more logins at once than the server hashes", () => {
  it("turns the surplus away with 503, Retry-After and a Norwegian message, and counts nothing for them", async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        login(`person${i}@roros.kommune.no`, "feil-passord-123", `192.0.2.${i + 1}`),
      ),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    // Two hashing and four waiting at most.
    expect(answers.filter((a) => a.status === 400).length).toBeLessThanOrEqual(6 + 4);
    expect(answers.every((a) => a.status === 400 || a.status === 503)).toBe(true);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe("5");
      expect(answer.body).toContain("Mange logger inn akkurat nå.");
    }
    const counted = env.db
      .prepare("SELECT count(*) AS n FROM login_failures WHERE key LIKE 'ip:%|192.0.2.%'")
      .get() as {
      n: number;
    };
    expect(counted.n).toBe(answers.length - busy.length);
  }, 60_000);
});

describe("an address that is blocked", () => {
  it("is answered 429 before its form is read, whatever the body", async () => {
    const from = "203.0.113.77";
    for (let i = 0; i < 10; i++) {
      expect((await login(`gjett${i}@roros.kommune.no`, "feil-passord-123", from)).status).toBe(
        400,
      );
    }
    const post = (type: string, body: string) =>
      fetch(`${env.base}/admin/login`, {
        method: "POST",
        headers: { Origin: env.base, "Content-Type": type, "X-Forwarded-For": from },
        body,
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    // Either would be 415 or 413 from the form reader, which never runs.
    for (const [type, body] of [
      ["application/json", "{}"],
      ["application/x-www-form-urlencoded", Array.from({ length: 15_000 }, () => "x=1").join("&")],
    ]) {
      const answer = await post(type!, body!);
      expect(answer.status, type).toBe(429);
      expect(answer.text, type).toContain("For mange mislykkede innlogginger.");
    }
    // The right password from there waits too: the block is the address's.
    expect((await login(OWNER, PASSWORD, from)).status).toBe(429);
  }, 60_000);
});
