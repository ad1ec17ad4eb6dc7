/**
 * A full hall on one Wi-Fi against the built server, with the limits a deployment has by
 * default (ADR 0013): 150 people on one address open the hall's QR link, ask and sign up
 * during the meeting; a script on the same address is stopped by its own per-person limits
 * when it keeps its cookie, and by the per-address and per-meeting ceilings when it makes a
 * new identity for every post; the people already in the hall can still take part. Weeks
 * before the meeting the same address gets the everyday limits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portFor } from "../app/testing/ports";
import { getRegistrationByEmail, listRegistrations } from "../db/registrations";
import { listQuestions, setStatus } from "../db/questions";
import { createTestMeeting } from "../db/testing";
import { startApp, type RunningApp } from "./support/app";

let env: RunningApp;
beforeAll(async () => {
  env = await startApp({ port: portFor(35), deployedLimits: true });
});
afterAll(async () => {
  await env?.cleanup();
});

/** One browser: its own cookie jar, on the test's one address (127.0.0.1). */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly keepCookies = true) {}

  async request(path: string, init: RequestInit = {}) {
    const response = await fetch(env.base + path, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        ...(this.cookies.size > 0
          ? { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }
          : {}),
      },
    });
    if (this.keepCookies) {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ""] = cookie.split(";");
        const at = pair.indexOf("=");
        this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
    }
    return {
      status: response.status,
      location: response.headers.get("location"),
      body: await response.text(),
    };
  }

  /** Posts a form as the page renders it: its hidden fields (the anti-spam ones) and ours. */
  async submit(pagePath: string, formId: string, action: string, fields: Record<string, string>) {
    const page = await this.request(pagePath);
    const form = new RegExp(`<form[^>]*id="${formId}"[\\s\\S]*?</form>`).exec(page.body)?.[0];
    if (!form) throw new Error(`no form#${formId} on ${pagePath}: ${page.status}`);
    const hidden: Record<string, string> = {};
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      if (!name || /type="(checkbox|radio)"/.test(input)) continue;
      hidden[name] = (/value="([^"]*)"/.exec(input)?.[1] ?? "").replaceAll("&amp;", "&");
    }
    return this.request(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.base },
      body: new URLSearchParams({ website: "", ...hidden, ...fields }),
    });
  }
}

const slugOf = (meetingId: number) =>
  (env.db.prepare("SELECT slug FROM meetings WHERE id = ?").get(meetingId) as { slug: string })
    .slug;

/** In groups of `size` at once, as people do things at nearly the same time. */
async function inGroups<T>(count: number, size: number, task: (i: number) => Promise<T>) {
  const results: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = Array.from({ length: Math.min(size, count - start) }, (_, k) => task(start + k));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

const FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Jon", "Liv", "Knut", "Marit", "Tore"];
const LAST = [
  "Hansen",
  "Brekken",
  "Aune",
  "Moen",
  "Rønning",
  "Lie",
  "Haugen",
  "Holm",
  "Dahl",
  "Vold",
];
const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace("ø", "o")
    .replace(/[^a-z]/g, "");
function hallPerson(i: number) {
  const [first, last] = [FIRST[i % 10]!, LAST[Math.floor(i / 10) % 10]!];
  return {
    name: `${first} ${last}${i < 100 ? "" : " d.y."}`,
    email: `${ascii(first)}.${ascii(last)}.${i}@${["gmail.com", "online.no", "icloud.com"][i % 3]}`,
  };
}

// "0" is the catch-all theme every meeting has.
const askFields = (text: string) => ({ theme: "0", text, source: "hall" });
const signUpFields = (name: string, email: string) => ({
  name,
  email,
  partySize: "1",
  consent: "on",
});

describe("a full hall on one Wi-Fi", () => {
  it("lets 150 people ask and sign up, and stops a script on the same address", async () => {
    const now = Date.now();
    const meetingId = createTestMeeting(env.db, {
      capacity: 250,
      // Under way: the hall is in session.
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 110 * 60_000).toISOString(),
    });
    const slug = slugOf(meetingId);
    const ask = `/meetings/${slug}/questions/new`;
    const meetingPage = `/meetings/${slug}`;

    // 150 phones scan the QR code, send a question and sign up.
    const people = Array.from({ length: 150 }, () => new Browser());
    const answers = await inGroups(150, 10, async (i) => {
      const phone = people[i]!;
      const hall = await phone.request(`/q/${meetingId}`);
      const asked = await phone.submit(
        `${ask}?from=hall`,
        "question",
        ask,
        askFields(`Spørsmål nummer ${i} fra salen om småhusene?`),
      );
      const { name, email } = hallPerson(i);
      const signed = await phone.submit(
        meetingPage,
        "rsvp",
        meetingPage,
        signUpFields(name, email),
      );
      return { hall: hall.status, asked: asked.status, signed: signed.status, body: signed.body };
    });
    expect(answers.map((a) => [a.hall, a.asked, a.signed])).toEqual(
      answers.map(() => [302, 302, 302]),
    );
    expect(listQuestions(env.db, meetingId, "pending")).toHaveLength(150);
    expect(listRegistrations(env.db, meetingId)).toHaveLength(150);

    // A script on the same Wi-Fi that keeps its cookie: its own limit, ten questions.
    const script = new Browser();
    await script.request(`/q/${meetingId}`);
    const scripted = await inGroups(15, 1, (i) =>
      script.submit(ask, "question", ask, askFields(`Søppel nummer ${i} fra skriptet`)),
    );
    expect(scripted.map((r) => r.status)).toEqual([...Array(10).fill(302), ...Array(5).fill(429)]);
    expect(scripted.at(-1)!.body).toContain("Du har sendt mange spørsmål på kort tid");
    // And ten people signed up from one browser, whatever the addresses.
    const signUps = await inGroups(12, 1, (i) =>
      script.submit(
        meetingPage,
        "rsvp",
        meetingPage,
        signUpFields(`Falsk Person ${i}`, `falsk${i}@example.no`),
      ),
    );
    expect(signUps.map((r) => r.status)).toEqual([...Array(10).fill(302), 400, 400]);
    expect(signUps.at(-1)!.body).toContain("fra denne nettleseren");

    // The same script with a new identity for every post: stopped at the ceiling of
    // questions waiting from one address (30, ten times that while the hall is in session).
    const rotating = await inGroups(200, 10, (i) =>
      new Browser(false).submit(ask, "question", ask, askFields(`Flom nummer ${i} fra skriptet`)),
    );
    const through = rotating.filter((r) => r.status === 302).length;
    expect(rotating.filter((r) => r.status !== 302 && r.status !== 429)).toEqual([]);
    expect(through).toBe(300 - 160);
    // Posts run side by side, so the order of refusals is the server's, not the array's.
    const refused = rotating.filter((r) => r.status === 429).map((r) => r.body);
    expect(refused.some((b) => b.includes("Det venter allerede svært mange spørsmål"))).toBe(true);
    // Then the new identities themselves run out: 300 in ten minutes from the hall's address.
    expect(refused.some((b) => b.includes("Det kommer svært mange spørsmål fra nettverket"))).toBe(
      true,
    );
    expect(listQuestions(env.db, meetingId, "pending")).toHaveLength(300);
    // Its sign-ups: refused at once, as its new identities are spent.
    const rotatingSignUps = await inGroups(20, 10, (i) =>
      new Browser(false).submit(
        meetingPage,
        "rsvp",
        meetingPage,
        signUpFields(`Flom Person ${i}`, `flom${i}@example.no`),
      ),
    );
    expect(rotatingSignUps.map((r) => r.status)).toEqual(rotatingSignUps.map(() => 429));
    expect(rotatingSignUps.at(-1)!.body).toContain("svært mange påmeldinger fra nettverket");
    expect(listRegistrations(env.db, meetingId)).toHaveLength(160);

    // Every one of the hall's own is kept, and the hall can still take part: each phone
    // supports the first question once the moderator has approved it.
    for (let i = 0; i < 150; i++) {
      expect(getRegistrationByEmail(env.db, meetingId, hallPerson(i).email)).toBeDefined();
    }
    const first = listQuestions(env.db, meetingId).find((q) =>
      q.originalText.startsWith("Spørsmål nummer 0 "),
    )!;
    setStatus(env.db, first.id, "approved");
    const supports = await inGroups(150, 10, (i) =>
      people[i]!.request(`${meetingPage}/questions`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.base },
        body: new URLSearchParams({ intent: "support", questionId: String(first.id) }),
      }),
    );
    expect(supports.map((r) => r.status)).toEqual(supports.map(() => 302));
    // The asker (phone 0) counts as the first supporter, and supports nothing twice.
    const supported = listQuestions(env.db, meetingId).find((q) => q.id === first.id)!;
    expect(supported.supportCount).toBe(150);
  }, 180_000);

  it("gives one address the everyday limits weeks before the meeting", async () => {
    const meetingId = createTestMeeting(env.db, { capacity: 100 });
    const ask = `/meetings/${slugOf(meetingId)}/questions/new`;
    // Thirty new people from one address in ten minutes, then it waits.
    const answers = await inGroups(31, 1, (i) =>
      new Browser().submit(ask, "question", ask, { theme: "0", text: `Spørsmål ${i} hjemmefra?` }),
    );
    expect(answers.map((a) => a.status)).toEqual([...Array(30).fill(302), 429]);
    expect(answers.at(-1)!.body).toContain("Det kommer svært mange spørsmål fra nettverket");
  });
});
