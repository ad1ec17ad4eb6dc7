import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import { listMessages } from "../../db/outbox";
import {
  anonymiseRegistrations,
  getRegistration,
  listRegistrations,
  waitlistPosition,
} from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import {
  cancelRegistration,
  changeRegistration,
  findByToken,
  register,
  rejoinRegistration,
  RegistrationError,
  type ServiceContext,
} from "./registrations.server";
import { cancelManyByOrganiser } from "./organiser-changes.server";
import { signUp } from "./testing";
import { bursts } from "./attendees.server";

const ascii = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");
const person = (name: string, partySize = 1) => ({
  name,
  email: `${ascii(name)}@example.no`,
  partySize,
  needs: noNeeds,
});

/** A hall of different people: Norwegian names, their own addresses at common providers. */
function hallOf(count: number) {
  const first = ["Kari", "Ola", "Ingrid", "Per", "Anne", "Jon", "Liv", "Knut", "Marit", "Arne"];
  const last = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen"];
  const more = ["Røros", "Os", "Glåmos", "Brekken", "Hitterdal", "Feragen", "Tolga"];
  const mail = ["gmail.com", "online.no", "hotmail.com", "icloud.com", "live.no"];
  return Array.from({ length: count }, (_, i) => {
    const name = `${first[i % 10]} ${last[Math.floor(i / 10) % 7]} ${more[Math.floor(i / 70)]}`;
    return { ...person(name), email: `${ascii(name)}${i}@${mail[i % 5]}` };
  });
}

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;

beforeEach(() => {
  env = serviceTestEnv({ mailFrom: "Røros kommune <post@roros.kommune.no>" });
  ctx = env.ctx;
});
afterEach(() => env.cleanup());

const status = (id: number) => getRegistration(env.db, id)!.status;
const mailsTo = (address: string) =>
  listMessages(env.db)
    .filter((m) => m.toAddress === address)
    .map((m) => JSON.parse(m.payload!) as { kind: string; manageUrl: string });

describe("register", () => {
  it("confirms while seats are left and counts people, not registrations", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const a = signUp(ctx, meetingId, person("Astrid", 2));
    const b = signUp(ctx, meetingId, person("Bjørn", 2));
    expect(a.kind).toBe("confirmed");
    expect(b.kind).toBe("waitlisted");
    const c = signUp(ctx, meetingId, person("Cecilie", 1));
    expect(c.kind).toBe("confirmed");
  });

  it("writes the registration and its email in the same transaction", () => {
    const meetingId = createTestMeeting(env.db);
    const outcome = signUp(ctx, meetingId, person("Astrid"));
    const mails = listMessages(env.db);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe("astrid@example.no");
    expect(mails[0]!.icalMethod).toBe("REQUEST");
    expect(mails[0]!.ical).toContain("METHOD:REQUEST");
    expect(JSON.parse(mails[0]!.payload!).manageUrl).toBe(
      `https://moter.roros.kommune.no/r/${outcome.token}`,
    );
  });

  it("puts a waitlisted registration on the list with its position and no calendar invite", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    signUp(ctx, meetingId, person("Astrid"));
    const b = signUp(ctx, meetingId, person("Bjørn"));
    const c = signUp(ctx, meetingId, person("Cecilie"));
    expect(waitlistPosition(env.db, b.registration)).toBe(1);
    expect(waitlistPosition(env.db, c.registration)).toBe(2);
    const [mail] = listMessages(env.db).filter((m) => m.toAddress === "bjrn@example.no");
    expect(mail!.ical).toBeNull();
    expect(JSON.parse(mail!.payload!)).toMatchObject({ kind: "waitlisted", waitlistPosition: 1 });
  });

  it("never changes an existing registration: the known address gets its link instead", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    const first = signUp(ctx, meetingId, person("Astrid", 1));
    const before = getRegistration(env.db, first.registration.id)!;
    const again = register(ctx, meetingId, {
      name: "Noen Andre",
      email: "ASTRID@Example.no",
      partySize: 4,
      needs: { ...noNeeds, other: true, text: "Endret av en fremmed" },
    });
    expect(again).toEqual({ kind: "known", linkMailed: true });
    expect(getRegistration(env.db, first.registration.id)).toEqual({
      ...before,
      linkMailedAt: expect.any(String),
    });
    expect(listRegistrations(env.db, meetingId)).toHaveLength(1);
    const mails = mailsTo("astrid@example.no");
    expect(mails.map((m) => m.kind)).toEqual(["confirmed", "link"]);
    // The mailed link and the first one both open the same registration.
    expect(findByToken(env.db, first.token)?.id).toBe(first.registration.id);
    expect(findByToken(env.db, mails[1]!.manageUrl.split("/r/")[1]!)?.id).toBe(
      first.registration.id,
    );
  });

  it("mails a known address its link at most once an hour", () => {
    const meetingId = createTestMeeting(env.db);
    const first = signUp(ctx, meetingId, person("Astrid"));
    expect(register(ctx, meetingId, person("Astrid"))).toEqual({ kind: "known", linkMailed: true });
    expect(register(ctx, meetingId, person("Astrid"))).toEqual({
      kind: "known",
      linkMailed: false,
    });
    expect(mailsTo("astrid@example.no").map((m) => m.kind)).toEqual(["confirmed", "link"]);
    const earlier = new Date(Date.now() - 61 * 60_000).toISOString();
    env.db
      .prepare("UPDATE registrations SET link_mailed_at = ? WHERE id = ?")
      .run(earlier, first.registration.id);
    expect(register(ctx, meetingId, person("Astrid"))).toEqual({ kind: "known", linkMailed: true });
    expect(mailsTo("astrid@example.no").map((m) => m.kind)).toEqual(["confirmed", "link", "link"]);
  });

  it("does not bring back a cancelled registration from the public form", () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, person("Astrid"));
    cancelRegistration(ctx, a.registration.id);
    expect(register(ctx, meetingId, person("Astrid")).kind).toBe("known");
    expect(status(a.registration.id)).toBe("cancelled");
    const link = listMessages(env.db).at(-1)!;
    expect(JSON.parse(link.payload!)).toMatchObject({
      kind: "link",
      status: "cancelled",
      canRejoin: true,
    });
  });

  it("refuses a bigger party that does not fit and stores nothing", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 4 });
    const a = signUp(ctx, meetingId, person("Astrid", 2));
    signUp(ctx, meetingId, person("Bjørn", 1));
    const before = listMessages(env.db).length;
    expect(() =>
      changeRegistration(ctx, a.registration.id, { partySize: 4, needs: noNeeds }),
    ).toThrowError(expect.objectContaining({ code: "noRoom", available: 3 }));
    expect(getRegistration(env.db, a.registration.id)!.partySize).toBe(2);
    expect(listMessages(env.db)).toHaveLength(before);
  });

  it("refuses registrations for cancelled, draft, past and closed meetings", () => {
    const past = new Date(Date.now() - 3 * 3600_000).toISOString();
    const cases = [
      createTestMeeting(env.db, { status: "cancelled" }),
      createTestMeeting(env.db, { status: "draft" }),
      createTestMeeting(env.db, {
        startsAt: new Date(Date.now() - 5 * 3600_000).toISOString(),
        endsAt: past,
      }),
      createTestMeeting(env.db, { registrationClosesAt: past }),
      createTestMeeting(env.db, {
        registrationOpensAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    ];
    for (const id of cases) {
      expect(() => signUp(ctx, id, person("Astrid"))).toThrow(RegistrationError);
    }
    expect(listMessages(env.db)).toHaveLength(0);
  });
});

describe("waitlist promotion", () => {
  it("moves waitlisted registrations up in order when a seat frees, and emails them", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 2 });
    const a = signUp(ctx, meetingId, person("Astrid", 2));
    const b = signUp(ctx, meetingId, person("Bjørn", 1));
    const c = signUp(ctx, meetingId, person("Cecilie", 1));
    const d = signUp(ctx, meetingId, person("Dag", 1));
    cancelRegistration(ctx, a.registration.id);
    expect(status(a.registration.id)).toBe("cancelled");
    expect(status(b.registration.id)).toBe("confirmed");
    expect(status(c.registration.id)).toBe("confirmed");
    expect(status(d.registration.id)).toBe("waitlisted");
    expect(waitlistPosition(env.db, getRegistration(env.db, d.registration.id)!)).toBe(1);
    expect(mailsTo("bjrn@example.no").map((m) => m.kind)).toEqual(["waitlisted", "promoted"]);
    expect(mailsTo("astrid@example.no").map((m) => m.kind)).toEqual(["confirmed", "cancelled"]);
    const cancelMail = listMessages(env.db).find(
      (m) => m.toAddress === "astrid@example.no" && m.icalMethod === "CANCEL",
    );
    expect(cancelMail?.ical).toContain("METHOD:CANCEL");
  });

  it("passes over a party too big for the free seats and takes the next that fits", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const a = signUp(ctx, meetingId, person("Astrid", 2));
    signUp(ctx, meetingId, person("Bjørn", 1));
    const big = signUp(ctx, meetingId, person("Cecilie", 4));
    const small = signUp(ctx, meetingId, person("Dag", 2));
    cancelRegistration(ctx, a.registration.id);
    expect(status(big.registration.id)).toBe("waitlisted");
    expect(status(small.registration.id)).toBe("confirmed");
  });

  it("promotes when a confirmed party gets smaller", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const a = signUp(ctx, meetingId, person("Astrid", 3));
    const b = signUp(ctx, meetingId, person("Bjørn", 1));
    changeRegistration(ctx, a.registration.id, { partySize: 2, needs: noNeeds });
    expect(status(b.registration.id)).toBe("confirmed");
  });

  it("keeps the waitlist place when a waitlisted registration edits its needs", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    signUp(ctx, meetingId, person("Astrid"));
    const b = signUp(ctx, meetingId, person("Bjørn"));
    signUp(ctx, meetingId, person("Cecilie"));
    changeRegistration(ctx, b.registration.id, {
      partySize: 1,
      needs: { ...noNeeds, interpreter: true, text: "Tegnspråktolk" },
    });
    const updated = getRegistration(env.db, b.registration.id)!;
    expect(updated.needs.interpreter).toBe(true);
    expect(waitlistPosition(env.db, updated)).toBe(1);
  });

  it("sends someone who cancelled and comes back through their link to the back of the waitlist", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    signUp(ctx, meetingId, person("Astrid"));
    const b = signUp(ctx, meetingId, person("Bjørn"));
    signUp(ctx, meetingId, person("Cecilie"));
    cancelRegistration(ctx, b.registration.id);
    const back = rejoinRegistration(ctx, b.registration.id);
    expect(back.status).toBe("waitlisted");
    expect(waitlistPosition(env.db, back)).toBe(2);
    expect(mailsTo("bjrn@example.no").map((m) => m.kind)).toEqual([
      "waitlisted",
      "cancelled",
      "waitlisted",
    ]);
  });

  it("does not let a citizen undo an organiser's cancellation", () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, person("Astrid"));
    cancelRegistration(ctx, a.registration.id, "organiser");
    expect(() => rejoinRegistration(ctx, a.registration.id)).toThrowError(
      expect.objectContaining({ code: "notRejoinable" }),
    );
    expect(status(a.registration.id)).toBe("cancelled");
  });

  it("does not promote on a cancelled meeting", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    const a = signUp(ctx, meetingId, person("Astrid"));
    const b = signUp(ctx, meetingId, person("Bjørn"));
    env.db.prepare("UPDATE meetings SET status = 'cancelled' WHERE id = ?").run(meetingId);
    expect(getMeetingById(env.db, meetingId)!.status).toBe("cancelled");
    // The citizen's own link no longer changes anything on a cancelled meeting.
    expect(() => cancelRegistration(ctx, a.registration.id)).toThrowError(
      expect.objectContaining({ code: "closed" }),
    );
    cancelRegistration(ctx, a.registration.id, "organiser");
    expect(status(a.registration.id)).toBe("cancelled");
    expect(status(b.registration.id)).toBe("waitlisted");
  });
});

describe("manage tokens", () => {
  it("finds a registration only by a token it issued", () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, person("Astrid"));
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(findByToken(env.db, a.token)?.id).toBe(a.registration.id);
    expect(
      findByToken(env.db, a.token.slice(0, -1) + (a.token.endsWith("A") ? "B" : "A")),
    ).toBeUndefined();
    expect(findByToken(env.db, "short")).toBeUndefined();
    const stored = env.db.prepare("SELECT token_hash FROM registration_tokens").all() as {
      token_hash: string;
    }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(a.token);
  });
});

describe("sign-ups per client", () => {
  const from = (clientKey: string) => ({ clientKey, maxPeoplePerClient: 5 });

  it("caps the people one client signs up for one meeting, before looking at the address", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 100 });
    signUp(ctx, meetingId, person("Astrid", 4), from("k1"));
    expect(() => register(ctx, meetingId, person("Bjørn", 2), from("k1"))).toThrowError(
      expect.objectContaining({ code: "clientLimit", available: 1 }),
    );
    // A known address from the capped client gets the same answer, so the cap reveals nothing.
    expect(() => register(ctx, meetingId, person("Astrid", 2), from("k1"))).toThrowError(
      expect.objectContaining({ code: "clientLimit" }),
    );
    signUp(ctx, meetingId, person("Bjørn", 1), from("k1"));
    // Other clients and other meetings are not affected.
    signUp(ctx, meetingId, person("Cecilie", 4), from("k2"));
    signUp(ctx, createTestMeeting(env.db), person("Dag", 4), from("k1"));
    expect(listRegistrations(env.db, meetingId)).toHaveLength(3);
  });

  it("caps the people one browser signs up, before its network's cap", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 100 });
    const browser = (browserKey: string) => ({
      clientKey: "hall",
      browserKey,
      maxPeoplePerClient: 50,
      maxPeoplePerBrowser: 5,
    });
    signUp(ctx, meetingId, person("Astrid", 4), browser("b1"));
    expect(() => register(ctx, meetingId, person("Bjørn", 2), browser("b1"))).toThrowError(
      expect.objectContaining({ code: "browserLimit", available: 1 }),
    );
    // The next phone on the same Wi-Fi is another person.
    signUp(ctx, meetingId, person("Cecilie", 4), browser("b2"));
    expect(listRegistrations(env.db, meetingId).map((r) => r.browserKey)).toEqual(["b1", "b2"]);
    // Erased with the attendees' other personal data after the meeting.
    anonymiseRegistrations(env.db, meetingId, new Date().toISOString());
    expect(listRegistrations(env.db, meetingId).map((r) => r.browserKey)).toEqual([null, null]);
  });

  it("frees the client's quota when one of its sign-ups is cancelled", () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, person("Astrid", 4), from("k1"));
    cancelRegistration(ctx, a.registration.id);
    expect(signUp(ctx, meetingId, person("Bjørn", 4), from("k1")).kind).toBe("confirmed");
  });
});

describe("bursts of sign-ups", () => {
  it("groups sign-ups from one client close in time, and cancels them together, audited", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 4 });
    const bot = ["Bot 1", "Bot 2", "Bot 3", "Bot 4"].map((n) =>
      signUp(
        ctx,
        meetingId,
        { ...person(n), email: `${ascii(n)}${n.at(-1)}@example.no` },
        {
          clientKey: "bot",
        },
      ),
    );
    const family = [signUp(ctx, meetingId, person("Eva", 2), { clientKey: "home" })];
    const waiting = signUp(ctx, meetingId, person("Frida"), { clientKey: "other" });
    expect(waiting.kind).toBe("waitlisted");
    // A late sign-up from the same client an hour on is not part of the burst.
    const late = signUp(ctx, meetingId, person("Bot Sen"), { clientKey: "bot" });
    env.db
      .prepare("UPDATE registrations SET created_at = ? WHERE id = ?")
      .run(new Date(Date.now() + 3600_000).toISOString(), late.registration.id);

    const meeting = getMeetingById(env.db, meetingId)!;
    const found = bursts(env.db, meeting);
    expect(found).toHaveLength(1);
    expect(found[0]!.registrations.map((r) => r.id)).toEqual(bot.map((b) => b.registration.id));
    expect(found[0]!.people).toBe(4);
    expect(found[0]!.signs).toEqual(["similarNames", "similarEmails", "seconds"]);
    expect(family).toHaveLength(1);

    const organiser = testOrganiser(env.db);
    cancelManyByOrganiser(
      ctx,
      organiser,
      meetingId,
      found[0]!.registrations.map((r) => r.id),
    );
    for (const b of bot) expect(status(b.registration.id)).toBe("cancelled");
    expect(status(waiting.registration.id)).toBe("confirmed");
    expect(bursts(env.db, meeting)).toEqual([]);
    expect(listAudit(env.db, { limit: 1 })[0]).toMatchObject({
      action: "registration.cancelMany",
      meetingId,
      details: { registrationIds: bot.map((b) => b.registration.id), people: 4 },
    });
  });

  it("shows one browser signing up several people, and not a full hall on one Wi-Fi", () => {
    // The meeting is on: its hall is in session, and sign-ups come seconds apart.
    const now = Date.now();
    const meetingId = createTestMeeting(env.db, {
      capacity: 400,
      startsAt: new Date(now - 15 * 60_000).toISOString(),
      endsAt: new Date(now + 2 * 3600_000).toISOString(),
    });
    const hall = hallOf(150);
    hall.forEach((p, i) =>
      signUp(ctx, meetingId, p, { clientKey: "storstuggu-wifi", browserKey: `phone-${i}` }),
    );
    const meeting = getMeetingById(env.db, meetingId)!;
    expect(bursts(env.db, meeting)).toEqual([]);

    // One phone in the same hall signs up three more people, each with their own address.
    const many = ["Siri Aune", "Tor Bakken", "Unni Dahl"].map((name, i) =>
      signUp(
        ctx,
        meetingId,
        { ...person(name), email: `gjest${"abc"[i]}@example.no` },
        {
          clientKey: "storstuggu-wifi",
          browserKey: "phone-7",
        },
      ),
    );
    const found = bursts(env.db, meeting);
    expect(found).toHaveLength(1);
    expect(found[0]!.signs).toEqual(["sameBrowser"]);
    // The phone's first sign-up among the hall's is in the group, with the three it made.
    expect(found[0]!.registrations.map((r) => r.name)).toEqual([
      hall[7]!.name,
      ...many.map((m) => m.registration.name),
    ]);
  });

  it("shows five unrelated sign-ups seconds apart from one address, weeks before", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 50 });
    const meeting = getMeetingById(env.db, meetingId)!;
    const people = hallOf(5);
    people
      .slice(0, 4)
      .forEach((p, i) => signUp(ctx, meetingId, p, { clientKey: "office", browserKey: `pc-${i}` }));
    // Four colleagues after the same e-mail: nothing to look at.
    expect(bursts(env.db, meeting)).toEqual([]);
    signUp(ctx, meetingId, people[4]!, { clientKey: "office", browserKey: "pc-4" });
    expect(bursts(env.db, meeting).map((b) => [b.registrations.length, b.signs])).toEqual([
      [5, ["seconds"]],
    ]);
  });

  it("cancels none when one of them is not this meeting's live registration", () => {
    const meetingId = createTestMeeting(env.db);
    const a = signUp(ctx, meetingId, person("Astrid"));
    const other = signUp(ctx, createTestMeeting(env.db), person("Bjørn"));
    const organiser = testOrganiser(env.db);
    expect(() =>
      cancelManyByOrganiser(ctx, organiser, meetingId, [a.registration.id, other.registration.id]),
    ).toThrow(RegistrationError);
    expect(status(a.registration.id)).toBe("confirmed");
    expect(status(other.registration.id)).toBe("confirmed");
  });
});
