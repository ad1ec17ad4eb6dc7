import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById } from "../../db/meetings";
import { listMessages } from "../../db/outbox";
import { getRegistration, listRegistrations } from "../../db/registrations";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import {
  cancelRegistration,
  changeRegistration,
  findByToken,
  positionOnWaitlist,
  register,
  RegistrationError,
  type ServiceContext,
} from "./registrations.server";

const ascii = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");
const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
const person = (name: string, partySize = 1) => ({
  name,
  email: `${ascii(name)}@example.no`,
  partySize,
  needs: noNeeds,
});

let env: ReturnType<typeof tempDatabase>;
let ctx: ServiceContext;

beforeEach(() => {
  env = tempDatabase();
  ctx = { db: env.db, publicUrl: "https://moter.roros.kommune.no", mailFrom: "Røros kommune <post@roros.kommune.no>" };
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
    const a = register(ctx, meetingId, person("Astrid", 2));
    const b = register(ctx, meetingId, person("Bjørn", 2));
    expect(a.kind).toBe("confirmed");
    expect(b.kind).toBe("waitlisted");
    const c = register(ctx, meetingId, person("Cecilie", 1));
    expect(c.kind).toBe("confirmed");
  });

  it("writes the registration and its email in the same transaction", () => {
    const meetingId = createTestMeeting(env.db);
    const outcome = register(ctx, meetingId, person("Astrid"));
    const mails = listMessages(env.db);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe("astrid@example.no");
    expect(mails[0]!.icalMethod).toBe("REQUEST");
    expect(mails[0]!.ical).toContain("METHOD:REQUEST");
    expect(JSON.parse(mails[0]!.payload!).manageUrl).toBe(
      `https://moter.roros.kommune.no/r/${outcome.kind !== "updated" ? outcome.token : ""}`,
    );
  });

  it("puts a waitlisted registration on the list with its position and no calendar invite", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    register(ctx, meetingId, person("Astrid"));
    const b = register(ctx, meetingId, person("Bjørn"));
    const c = register(ctx, meetingId, person("Cecilie"));
    expect(positionOnWaitlist(env.db, b.registration)).toBe(1);
    expect(positionOnWaitlist(env.db, c.registration)).toBe(2);
    const [mail] = listMessages(env.db).filter((m) => m.toAddress === "bjrn@example.no");
    expect(mail!.ical).toBeNull();
    expect(JSON.parse(mail!.payload!)).toMatchObject({ kind: "waitlisted", waitlistPosition: 1 });
  });

  it("updates the registration when the same email registers again, case-insensitively", () => {
    const meetingId = createTestMeeting(env.db);
    const first = register(ctx, meetingId, person("Astrid", 1));
    const again = register(ctx, meetingId, { ...person("Astrid", 3), email: "ASTRID@Example.no" });
    expect(again.kind).toBe("updated");
    expect(again.registration.id).toBe(first.registration.id);
    expect(again.registration.partySize).toBe(3);
    expect(listRegistrations(env.db, meetingId)).toHaveLength(1);
    const kinds = mailsTo("astrid@example.no").map((m) => m.kind);
    expect(kinds).toEqual(["confirmed", "updated"]);
    // The first link still works and the mailed one does too.
    if (first.kind === "updated") throw new Error("unexpected");
    expect(findByToken(env.db, first.token)?.id).toBe(first.registration.id);
    const newToken = mailsTo("astrid@example.no")[1]!.manageUrl.split("/r/")[1]!;
    expect(findByToken(env.db, newToken)?.id).toBe(first.registration.id);
  });

  it("refuses a bigger party that does not fit and stores nothing", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 4 });
    const a = register(ctx, meetingId, person("Astrid", 2));
    register(ctx, meetingId, person("Bjørn", 1));
    const before = listMessages(env.db).length;
    expect(() => register(ctx, meetingId, person("Astrid", 4))).toThrowError(
      expect.objectContaining({ code: "noRoom", available: 3 }),
    );
    expect(getRegistration(env.db, a.registration.id)!.partySize).toBe(2);
    expect(listMessages(env.db)).toHaveLength(before);
  });

  it("refuses registrations for cancelled, draft, past and closed meetings", () => {
    const past = new Date(Date.now() - 3 * 3600_000).toISOString();
    const cases = [
      createTestMeeting(env.db, { status: "cancelled" }),
      createTestMeeting(env.db, { status: "draft" }),
      createTestMeeting(env.db, { startsAt: new Date(Date.now() - 5 * 3600_000).toISOString(), endsAt: past }),
      createTestMeeting(env.db, { registrationClosesAt: past }),
      createTestMeeting(env.db, { registrationOpensAt: new Date(Date.now() + 3600_000).toISOString() }),
    ];
    for (const id of cases) {
      expect(() => register(ctx, id, person("Astrid"))).toThrow(RegistrationError);
    }
    expect(listMessages(env.db)).toHaveLength(0);
  });
});

describe("waitlist promotion", () => {
  it("moves waitlisted registrations up in order when a seat frees, and emails them", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 2 });
    const a = register(ctx, meetingId, person("Astrid", 2));
    const b = register(ctx, meetingId, person("Bjørn", 1));
    const c = register(ctx, meetingId, person("Cecilie", 1));
    const d = register(ctx, meetingId, person("Dag", 1));
    cancelRegistration(ctx, a.registration.id);
    expect(status(a.registration.id)).toBe("cancelled");
    expect(status(b.registration.id)).toBe("confirmed");
    expect(status(c.registration.id)).toBe("confirmed");
    expect(status(d.registration.id)).toBe("waitlisted");
    expect(positionOnWaitlist(env.db, getRegistration(env.db, d.registration.id)!)).toBe(1);
    expect(mailsTo("bjrn@example.no").map((m) => m.kind)).toEqual(["waitlisted", "promoted"]);
    expect(mailsTo("astrid@example.no").map((m) => m.kind)).toEqual(["confirmed", "cancelled"]);
    const cancelMail = listMessages(env.db).find((m) => m.toAddress === "astrid@example.no" && m.icalMethod === "CANCEL");
    expect(cancelMail?.ical).toContain("METHOD:CANCEL");
  });

  it("passes over a party too big for the free seats and takes the next that fits", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const a = register(ctx, meetingId, person("Astrid", 2));
    register(ctx, meetingId, person("Bjørn", 1));
    const big = register(ctx, meetingId, person("Cecilie", 4));
    const small = register(ctx, meetingId, person("Dag", 2));
    cancelRegistration(ctx, a.registration.id);
    expect(status(big.registration.id)).toBe("waitlisted");
    expect(status(small.registration.id)).toBe("confirmed");
  });

  it("promotes when a confirmed party gets smaller", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 3 });
    const a = register(ctx, meetingId, person("Astrid", 3));
    const b = register(ctx, meetingId, person("Bjørn", 1));
    changeRegistration(ctx, a.registration.id, { partySize: 2, needs: noNeeds });
    expect(status(b.registration.id)).toBe("confirmed");
  });

  it("keeps the waitlist place when a waitlisted registration edits its needs", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    register(ctx, meetingId, person("Astrid"));
    const b = register(ctx, meetingId, person("Bjørn"));
    register(ctx, meetingId, person("Cecilie"));
    changeRegistration(ctx, b.registration.id, {
      partySize: 1,
      needs: { ...noNeeds, interpreter: true, text: "Tegnspråktolk" },
    });
    const updated = getRegistration(env.db, b.registration.id)!;
    expect(updated.needs.interpreter).toBe(true);
    expect(positionOnWaitlist(env.db, updated)).toBe(1);
  });

  it("sends someone who cancelled and registers again to the back of the waitlist", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    register(ctx, meetingId, person("Astrid"));
    const b = register(ctx, meetingId, person("Bjørn"));
    register(ctx, meetingId, person("Cecilie"));
    cancelRegistration(ctx, b.registration.id);
    const again = register(ctx, meetingId, person("Bjørn"));
    expect(again.kind).toBe("updated");
    expect(positionOnWaitlist(env.db, getRegistration(env.db, b.registration.id)!)).toBe(2);
  });

  it("does not promote on a cancelled meeting", () => {
    const meetingId = createTestMeeting(env.db, { capacity: 1 });
    const a = register(ctx, meetingId, person("Astrid"));
    const b = register(ctx, meetingId, person("Bjørn"));
    env.db.prepare("UPDATE meetings SET status = 'cancelled' WHERE id = ?").run(meetingId);
    expect(getMeetingById(env.db, meetingId)!.status).toBe("cancelled");
    cancelRegistration(ctx, a.registration.id);
    expect(status(b.registration.id)).toBe("waitlisted");
  });
});

describe("manage tokens", () => {
  it("finds a registration only by a token it issued", () => {
    const meetingId = createTestMeeting(env.db);
    const a = register(ctx, meetingId, person("Astrid"));
    if (a.kind === "updated") throw new Error("unexpected");
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(findByToken(env.db, a.token)?.id).toBe(a.registration.id);
    expect(findByToken(env.db, a.token.slice(0, -1) + (a.token.endsWith("A") ? "B" : "A"))).toBeUndefined();
    expect(findByToken(env.db, "short")).toBeUndefined();
    const stored = env.db.prepare("SELECT token_hash FROM registration_tokens").all() as { token_hash: string }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(a.token);
  });
});
