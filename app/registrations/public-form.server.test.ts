// The public form and the personal page as a hostile visitor meets them, against the built
// server (`npm run build` first): the answer never tells whether an address is registered,
// the form never rewrites someone else's registration, the personal page's data is an
// allow-list, and one client cannot fill a meeting.
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMessages } from "../../db/outbox";
import {
  addTokenHash,
  getRegistration,
  getRegistrationByEmail,
  listRegistrations,
} from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { hashToken, newManageToken } from "../platform/tokens.server";
import { serveThisFile } from "../testing/served";
import { freePort } from "../testing/server";
import { noNeeds, testOrganiser } from "../testing/services";
import { createSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { type ServiceContext } from "./registrations.server";
import { addByOrganiser } from "./organiser-changes.server";

// The server's mail goes to an SMTP server of the test's, which is down until a test starts
// it: what an answer waited for, and what it only queued, shows in the outbox meanwhile.
const vars: Record<string, string> = {
  RSVP_RATE_LIMIT: "1000",
  RSVP_MAX_PER_IP_PER_MEETING: "20",
  MAIL_RETRY_BASE_SECONDS: "0.2",
};
let sink: SmtpSink;
beforeAll(async () => {
  sink = createSmtpSink(await freePort());
  vars.SMTP_URL = sink.url;
});
afterAll(() => sink.stop());
const env = serveThisFile({ vars });
const ctx: ServiceContext = {
  db: env.db,
  publicUrl: "http://127.0.0.1",
  mailFrom: "post@roros.kommune.no",
};

/** Posts the sign-up form as a browser without JavaScript does, anti-spam fields included. */
async function postRsvp(slug: string, fields: Record<string, string>, { data = false } = {}) {
  const page = await (await fetch(`${env.base}/meetings/${slug}`)).text();
  const validFrom = /name="from__confirm"[^>]*value="([^"]*)"/.exec(page)?.[1] ?? "";
  // With JavaScript, the browser posts to the route's .data URL (single fetch).
  const response = await fetch(`${env.base}/meetings/${slug}${data ? ".data" : ""}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.base },
    body: new URLSearchParams({
      website: "",
      from__confirm: validFrom.replaceAll("&amp;", "&"),
      consent: "on",
      partySize: "1",
      ...fields,
    }),
  });
  const body = await response.text();
  // What a client can compare besides the body: which headers came (their values carry
  // dates, cookies and nonces that differ for everyone).
  const headerNames = [...response.headers.keys()].sort();
  return { status: response.status, location: response.headers.get("location"), body, headerNames };
}

/** Subjects of the mail the SMTP server received for one address, once `count` are there. */
async function waitForSubjects(to: string, count: number): Promise<string[]> {
  for (let i = 0; i < 300; i++) {
    const mails = sink.messages().filter((m) => m.rcptTo.includes(to));
    if (mails.length >= count)
      return Promise.all(mails.map(async (m) => (await simpleParser(m.raw)).subject ?? ""));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} mails to ${to}`);
}

const slugOf = (meetingId: number) =>
  (env.db.prepare("SELECT slug FROM meetings WHERE id = ?").get(meetingId) as { slug: string })
    .slug;

function organiser() {
  return testOrganiser(env.db, { email: `kim-${Math.random()}@roros.kommune.no` });
}

describe("the public form", () => {
  it("answers a known and an unknown address the same way, waits for no mail, and changes nothing", async () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    const slug = slugOf(meetingId);
    const kari = addByOrganiser(ctx, organiser(), meetingId, {
      name: "Kari Kjent",
      email: "kari@example.no",
      phone: "72 41 00 00",
      partySize: 1,
      needs: noNeeds,
      note: "Ringte",
    });

    const answers: (Awaited<ReturnType<typeof postRsvp>> & { known: boolean })[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push({
        known: false,
        ...(await postRsvp(slug, { name: `Ny Person ${i}`, email: `ny-${i}@example.no` })),
      });
      answers.push({
        known: true,
        ...(await postRsvp(slug, {
          name: "Noen Andre",
          email: "KARI@example.no",
          partySize: "4",
          needsText: "Overskrevet",
        })),
      });
    }
    for (const a of answers) {
      expect(a.status, JSON.stringify(a.known)).toBe(302);
      expect(a.location).toBe(`/meetings/${slug}/sent`);
      expect(a.body).toBe("");
      expect(a.headerNames).toEqual(answers[0]!.headerNames);
    }

    // Neither answer waited for mail: with the SMTP server down, each had only queued its
    // message (rendered and sent later by the worker), the new address its outcome and the
    // known one its link, once. So both do the same kind of work, a few statements in one
    // transaction; how long each takes is measured in `npm run bench`.
    const queued = (to: string) =>
      listMessages(env.db)
        .filter((m) => m.toAddress === to)
        .map((m) => ({ kind: JSON.parse(m.payload ?? "{}").kind, status: m.status }));
    expect(queued("ny-0@example.no")).toEqual([
      { kind: "waitlisted", status: expect.not.stringMatching(/^sent$/) },
    ]);
    expect(queued("kari@example.no")).toEqual([
      { kind: "confirmed", status: expect.not.stringMatching(/^sent$/) },
      { kind: "link", status: expect.not.stringMatching(/^sent$/) },
    ]);
    await sink.start();

    // Kari's registration is as the organiser left it, and she got one mail with her link.
    expect(getRegistration(env.db, kari.id)).toMatchObject({
      name: "Kari Kjent",
      partySize: 1,
      status: "confirmed",
      needs: noNeeds,
      note: "Ringte",
    });
    const subjects = await waitForSubjects("kari@example.no", 2);
    expect(subjects.filter((s) => s.startsWith("Lenken til påmeldingen din"))).toHaveLength(1);
    // The new people were signed up and told their outcome by mail (seat or waitlist).
    expect(getRegistrationByEmail(env.db, meetingId, "ny-0@example.no")!.status).toBe("waitlisted");

    // With JavaScript: the same answer, byte for byte.
    const viaScript = [
      await postRsvp(slug, { name: "Ny Skript", email: "ny-skript@example.no" }, { data: true }),
      await postRsvp(slug, { name: "Noen Andre", email: "kari@example.no" }, { data: true }),
    ];
    expect(viaScript[0]!.status).toBe(viaScript[1]!.status);
    expect(viaScript[0]!.body).toBe(viaScript[1]!.body);
    expect(viaScript[0]!.body).toContain(`/meetings/${slug}/sent`);

    const sent = await (await fetch(`${env.base}/meetings/${slug}/sent`)).text();
    expect(sent).toContain("Sjekk e-posten din");
  });

  it("does not bring back a cancelled registration", async () => {
    const meetingId = createTestMeeting(env.db);
    const slug = slugOf(meetingId);
    await postRsvp(slug, { name: "Per Avmeldt", email: "per@example.no" });
    const per = getRegistrationByEmail(env.db, meetingId, "per@example.no")!;
    env.db
      .prepare(
        "UPDATE registrations SET status = 'cancelled', cancelled_by = 'organiser' WHERE id = ?",
      )
      .run(per.id);
    const again = await postRsvp(slug, { name: "Per Avmeldt", email: "per@example.no" });
    expect(again.location).toBe(`/meetings/${slug}/sent`);
    expect(getRegistration(env.db, per.id)!.status).toBe("cancelled");
  });

  it("refuses names with links, addresses or invisible characters with a Norwegian message", async () => {
    const meetingId = createTestMeeting(env.db);
    const slug = slugOf(meetingId);
    const cases = [
      [
        "BETAL GEBYR 450 kr: https://roros-gebyr.example/betal",
        "Navnet kan ikke inneholde en nettadresse",
      ],
      ["kari@example.no", "Navnet kan ikke inneholde en e-postadresse"],
      ["Kari\u202EnnamdroN", "Navnet inneholder usynlige tegn"],
    ];
    for (const [name, message] of cases) {
      const answer = await postRsvp(slug, { name: name!, email: "offer@example.no" });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain(message);
    }
    expect(listRegistrations(env.db, meetingId)).toHaveLength(0);
  });

  it("caps the people one client signs up for a meeting (RSVP_MAX_PER_IP_PER_MEETING)", async () => {
    const meetingId = createTestMeeting(env.db, { capacity: 100 });
    const slug = slugOf(meetingId);
    for (let i = 0; i < 5; i++) {
      const ok = await postRsvp(slug, {
        name: `Gruppe ${i}`,
        email: `gruppe-${i}@example.no`,
        partySize: "4",
      });
      expect(ok.status).toBe(302);
    }
    const refused = await postRsvp(slug, { name: "En Til", email: "en-til@example.no" });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("mange fra samme nettverk");
    expect(listRegistrations(env.db, meetingId)).toHaveLength(5);
    // The database keeps a keyed hash of the address, never the address itself.
    const keys = listRegistrations(env.db, meetingId).map((r) => r.clientKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // And of each browser (these posts kept no cookie, so each was a new one) a checksum of
    // its id, never the id its cookie holds.
    const browsers = listRegistrations(env.db, meetingId).map((r) => r.browserKey);
    expect(new Set(browsers).size).toBe(5);
    for (const key of browsers) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(env.db.prepare("SELECT * FROM registrations").all())).not.toContain(
      "127.0.0.1",
    );
  });
});

/** Every key path in a React Router single-fetch (turbo-stream) payload, under one route. */
function keyPaths(flat: unknown[], index: number, path: string, out: Set<string>, depth = 0) {
  if (index < 0 || depth > 20) return;
  const value = flat[index];
  if (Array.isArray(value)) {
    for (const item of value)
      if (typeof item === "number") keyPaths(flat, item, `${path}[]`, out, depth + 1);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const name = String(flat[Number(key.slice(1))]);
      const next = path ? `${path}.${name}` : name;
      out.add(next);
      keyPaths(flat, child as number, next, out, depth + 1);
    }
  }
}

describe("the personal page's data", () => {
  const allowed = new Set([
    "registration",
    "registration.status",
    "registration.name",
    "registration.email",
    "registration.partySize",
    "registration.checkInCode",
    "registration.needs",
    "registration.needs.accessibility",
    "registration.needs.interpreter",
    "registration.needs.other",
    "registration.needs.text",
    "meeting",
    "meeting.title",
    "meeting.slug",
    "meeting.startsAt",
    "meeting.endsAt",
    "meeting.venueName",
    "meeting.address",
    "meeting.mapUrl",
    "meeting.accessibility",
    "meeting.maxPartySize",
    "meeting.whatToBring",
    // Hall or online (ADR 0016); the stream only for a confirmed online attendee, in its time.
    "registration.attendance",
    "meeting.attendance",
    "meeting.streamRevealMinutes",
    "stream",
    "stream.state",
    "stream.revealsAt",
    "stream.url",
    "stream.dialIn",
    // Which of the meeting's texts are shown in bokmål on a page in another language.
    "textLang",
    "textLang.title",
    "textLang.accessibility",
    "textLang.whatToBring",
    // The add-to-calendar links (times, title, place) and the form's HTML constraints.
    "calendarLinks",
    "calendarLinks.google",
    "calendarLinks.outlook",
    "calendarLinks.office365",
    "changeConstraint",
    "changeConstraint.partySize",
    "changeConstraint.partySize.required",
    "changeConstraint.needsAccessibility",
    "changeConstraint.needsAccessibility.required",
    "changeConstraint.needsInterpreter",
    "changeConstraint.needsInterpreter.required",
    "changeConstraint.needsOther",
    "changeConstraint.needsOther.required",
    "changeConstraint.needsText",
    "changeConstraint.needsText.required",
    "position",
    "expected",
    // The meeting's phase, and where its published answers are.
    "state",
    "state.phase",
    "state.answers",
    // When the meeting is, as the reader writes it (formatted by the loader).
    "when",
    "canChange",
    "canCancel",
    "rejoin",
    "checkInQr",
    "manageUrl",
    "banner",
  ]);
  // The change form's HTML constraints (required, min, max) for each of its fields.
  const isConstraint = (path: string) => /^changeConstraint(\.\w+){0,2}$/.test(path);

  it("holds only what the page shows: no note, phone, source or internal ids", async () => {
    const meetingId = createTestMeeting(env.db);
    const lise = addByOrganiser(ctx, organiser(), meetingId, {
      name: "Lise Lenke",
      email: "lise@example.no",
      phone: "99 88 77 66",
      partySize: 2,
      needs: { ...noNeeds, interpreter: true, text: "Tegnspråk" },
      note: "INTERN-MERKNAD: vanskelig nabo",
    });
    // A personal link of her own, as her confirmation mail carries one.
    const token = newManageToken();
    addTokenHash(env.db, lise.id, hashToken(token));

    const response = await fetch(`${env.base}/r/${token}.data`);
    expect(response.status).toBe(200);
    const raw = await response.text();
    const flat = JSON.parse(raw.split("\n")[0]!) as unknown[];
    const paths = new Set<string>();
    keyPaths(flat, 0, "", paths);
    const prefix = "routes/manage.data.";
    const shown = [...paths].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((p) => !allowed.has(p) && !isConstraint(p))).toEqual([]);
    for (const secret of ["INTERN-MERKNAD", "99 88 77 66", "organiser"]) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain("Lise Lenke");
  });
});

describe("the personal link after the meeting", () => {
  it("cannot cancel once the meeting has ended, so nobody is promoted for a past meeting", async () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    const slug = slugOf(meetingId);
    await postRsvp(slug, { name: "Anne Først", email: "anne-forst@example.no" });
    await postRsvp(slug, { name: "Bjørn Etter", email: "bjorn-etter@example.no" });
    const anne = getRegistrationByEmail(env.db, meetingId, "anne-forst@example.no")!;
    const bjorn = getRegistrationByEmail(env.db, meetingId, "bjorn-etter@example.no")!;
    expect([anne.status, bjorn.status]).toEqual(["confirmed", "waitlisted"]);
    const token = newManageToken();
    addTokenHash(env.db, anne.id, hashToken(token));
    const hour = 3600_000;
    env.db
      .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
      .run(
        new Date(Date.now() - 3 * hour).toISOString(),
        new Date(Date.now() - hour).toISOString(),
        meetingId,
      );

    const page = await (await fetch(`${env.base}/r/${token}`)).text();
    expect(page).toContain("<h1>Møtet er over</h1>");
    expect(page).toContain("Dette møtet er over.");
    expect(page).not.toContain("Meld meg av");
    expect(page).not.toContain("Innsjekking");

    const cancel = await fetch(`${env.base}/r/${token}/cancel`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: env.base },
      body: "",
    });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/r/${token}`);
    expect(getRegistration(env.db, anne.id)!.status).toBe("confirmed");
    expect(getRegistration(env.db, bjorn.id)!.status).toBe("waitlisted");
  });
});
