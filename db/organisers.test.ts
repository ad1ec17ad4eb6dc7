import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countAudit, insertAudit, listAudit } from "./audit";
import {
  countOrganisers,
  getOrganiserByEmail,
  getOrganiserById,
  insertOrganiser,
  listOrganisers,
  setDisabled,
  setPasswordHash,
} from "./organisers";
import { deleteExpiredSessions, getSessionWithOrganiser, insertSession } from "./sessions";
import { createTestMeeting, tempDatabase } from "./testing";

let t: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  t = tempDatabase();
});
afterEach(() => t.cleanup());

const add = (email: string, name: string, role: "admin" | "organiser" = "organiser") =>
  insertOrganiser(t.db, { email, name, role, passwordHash: `hash-of-${name}` });

describe("organisers", () => {
  it("stores addresses in lower case and finds them whatever the case, æøå included", () => {
    const id = add("  Åse.Ødegård@Roros.Kommune.NO ", "Åse Ødegård");
    expect(getOrganiserById(t.db, id)).toMatchObject({
      email: "åse.ødegård@roros.kommune.no",
      role: "organiser",
      disabledAt: null,
    });
    const found = getOrganiserByEmail(t.db, "ÅSE.ØDEGÅRD@roros.kommune.no");
    expect(found).toMatchObject({ id, passwordHash: "hash-of-Åse Ødegård" });
    expect(getOrganiserById(t.db, id)).not.toHaveProperty("passwordHash");
    expect(() => add("åse.ødegård@ROROS.kommune.no", "Twin")).toThrow(/UNIQUE/);
  });

  it("changes password and disabled state", () => {
    const id = add("kari@x.no", "Kari Nordmann", "admin");
    add("per@x.no", "Per");
    expect(countOrganisers(t.db)).toBe(2);

    setPasswordHash(t.db, id, "new-hash");
    expect(getOrganiserByEmail(t.db, "kari@x.no")).toMatchObject({
      name: "Kari Nordmann",
      role: "admin",
      passwordHash: "new-hash",
    });

    setDisabled(t.db, id, true);
    const disabledAt = getOrganiserById(t.db, id)!.disabledAt;
    expect(disabledAt).not.toBeNull();
    setDisabled(t.db, id, true);
    expect(getOrganiserById(t.db, id)!.disabledAt).toBe(disabledAt);
    setDisabled(t.db, id, false);
    expect(getOrganiserById(t.db, id)!.disabledAt).toBeNull();

    expect(listOrganisers(t.db).map((o) => o.name)).toEqual(["Kari Nordmann", "Per"]);
  });
});

describe("sessions table", () => {
  it("returns only live sessions and sweeps expired ones", () => {
    const id = add("kari@x.no", "Kari");
    insertSession(t.db, "live", id, "2025-03-01T12:00:00.000Z", "2025-03-01T08:00:00.000Z");
    insertSession(t.db, "old", id, "2025-03-01T09:00:00.000Z", "2025-03-01T08:00:00.000Z");
    const now = "2025-03-01T10:00:00.000Z";
    expect(getSessionWithOrganiser(t.db, "live", now)?.organiser.name).toBe("Kari");
    expect(getSessionWithOrganiser(t.db, "old", now)).toBeUndefined();
    expect(deleteExpiredSessions(t.db, now)).toBe(1);
  });
});

describe("audit log", () => {
  it("lists newest first with the organiser's name and parsed details, by meeting too", () => {
    const kari = add("kari@x.no", "Kari");
    const meetingId = createTestMeeting(t.db);
    insertAudit(t.db, {
      organiserId: null,
      actor: "command line",
      action: "organiser.create",
      target: "kari@x.no",
      at: "2025-03-01T08:00:00.000Z",
    });
    insertAudit(t.db, {
      organiserId: kari,
      actor: "Kari <kari@x.no>",
      action: "meeting.update",
      meetingId,
      details: { capacity: { before: 10, after: 12 } },
      at: "2025-03-01T09:00:00.000Z",
    });

    const all = listAudit(t.db, { limit: 10 });
    expect(all.map((e) => e.action)).toEqual(["meeting.update", "organiser.create"]);
    expect(all[0]).toMatchObject({
      organiserName: "Kari",
      meetingId,
      details: { capacity: { before: 10, after: 12 } },
    });
    expect(all[1]).toMatchObject({ organiserName: null, details: null, target: "kari@x.no" });
    expect(listAudit(t.db, { limit: 1, offset: 1 }).map((e) => e.action)).toEqual([
      "organiser.create",
    ]);
    expect(listAudit(t.db, { limit: 10, meetingId }).map((e) => e.action)).toEqual([
      "meeting.update",
    ]);
    expect(countAudit(t.db)).toBe(2);
    expect(countAudit(t.db, { meetingId })).toBe(1);
  });
});
