// The limits for crowds (ADR 0013) as the public routes compose them, in one process: the
// browser id from the request's cookie, the limits, then the service with its per-meeting
// ceilings. resilience/hall-crowd.test.ts does the same over HTTP against the built server.
import type { AppLoadContext } from "react-router";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById, type Meeting } from "../../db/meetings";
import { listQuestions } from "../../db/questions";
import { listRegistrations } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { resetLimitersForTests, type PostKind } from "../platform/rate-limit.server";
import { askQuestion, QuestionError } from "../questions/questions.server";
import { register, RegistrationError } from "../registrations/registrations.server";
import { noNeeds, serviceTestEnv } from "../testing/services";
import {
  admitPublicPost,
  hallBrowserId,
  inHallWindow,
  questionCeilings,
  signUpCeilings,
} from "./crowd.server";

let env: ReturnType<typeof serviceTestEnv>;
beforeEach(() => {
  env = serviceTestEnv();
  resetLimitersForTests();
});
afterEach(() => env.cleanup());

/** Everyone in the test is on the hall's Wi-Fi. */
const hallWifi = { clientIp: "192.0.2.44" } as AppLoadContext;

/** One browser: the cookie the app gave it, sent with every request after. */
class Phone {
  cookie: string | null = null;
  constructor(private readonly keepsCookies = true) {}
  request() {
    return new Request("https://moter.roros.kommune.no/", {
      headers: this.cookie ? { Cookie: this.cookie } : {},
    });
  }
  remember(setCookie: string | null) {
    if (setCookie && this.keepsCookies) this.cookie = setCookie.split(";")[0]!;
  }
  async scanHallCode(meeting: Meeting) {
    this.remember(await hallBrowserId(this.request(), hallWifi, meeting));
  }
  /** A public post as the route makes it: admitted (or a 429), then the service. */
  async post(kind: PostKind, meeting: Meeting, store: (keys: Keys) => void) {
    const admitted = await admitPublicPost(kind, {
      request: this.request(),
      context: hallWifi,
      meeting,
    });
    if (admitted.refusal) return admitted.refusedBy;
    this.remember(admitted.person.setCookie);
    try {
      store({ browserKey: admitted.person.key, clientKey: admitted.clientKey });
      return "stored";
    } catch (error) {
      if (error instanceof QuestionError || error instanceof RegistrationError) return error.code;
      throw error;
    }
  }
  ask(meeting: Meeting, text: string) {
    return this.post("question", meeting, ({ browserKey, clientKey }) =>
      askQuestion(
        env.ctx,
        meeting.id,
        { themeValue: "0", text, name: null, showName: false, email: null, source: "hall" },
        browserKey,
        { clientKey, ...questionCeilings(meeting) },
      ),
    );
  }
  signUp(meeting: Meeting, name: string, email: string) {
    return this.post("signUp", meeting, ({ browserKey, clientKey }) =>
      register(
        env.ctx,
        meeting.id,
        { name, email, partySize: 1, needs: noNeeds },
        { clientKey, browserKey, ...signUpCeilings(meeting) },
      ),
    );
  }
}
interface Keys {
  browserKey: string;
  clientKey: string;
}

function meetingUnderWay(): Meeting {
  const now = Date.now();
  const id = createTestMeeting(env.db, {
    capacity: 200,
    startsAt: new Date(now - 10 * 60_000).toISOString(),
    endsAt: new Date(now + 110 * 60_000).toISOString(),
  });
  return getMeetingById(env.db, id)!;
}

const times = (n: number, value: string) => Array.from({ length: n }, () => value);

describe("a meeting's hall on one Wi-Fi", () => {
  it("is in session from an hour before the start until the end", () => {
    const meeting = meetingUnderWay();
    expect(inHallWindow(meeting)).toBe(true);
    expect(inHallWindow(meeting, new Date(Date.parse(meeting.startsAt) - 61 * 60_000))).toBe(false);
    expect(inHallWindow(meeting, new Date(Date.parse(meeting.endsAt)))).toBe(false);
    expect(inHallWindow({ ...meeting, status: "cancelled" })).toBe(false);
  });

  it("lets 150 people ask and sign up, and stops a script on the same address", async () => {
    const meeting = meetingUnderWay();
    const phones = Array.from({ length: 150 }, () => new Phone());
    for (const [i, phone] of phones.entries()) {
      await phone.scanHallCode(meeting);
      expect(await phone.ask(meeting, `Spørsmål ${i} fra salen om småhusene?`)).toBe("stored");
      expect(await phone.signUp(meeting, `Person ${i} i salen`, `p${i}@example.no`)).toBe("stored");
    }
    expect(listQuestions(env.db, meeting.id, "pending")).toHaveLength(150);
    expect(listRegistrations(env.db, meeting.id)).toHaveLength(150);

    // A script that keeps its cookie: ten questions and ten people, as any one person.
    const script = new Phone();
    await script.scanHallCode(meeting);
    const asked = [];
    for (let i = 0; i < 12; i++) asked.push(await script.ask(meeting, `Søppel ${i} fra skriptet`));
    expect(asked).toEqual([...times(10, "stored"), "person", "person"]);
    const signed = [];
    for (let i = 0; i < 12; i++) {
      signed.push(await script.signUp(meeting, `Falsk ${i}`, `falsk${i}@example.no`));
    }
    expect(signed).toEqual([...times(10, "stored"), "browserLimit", "browserLimit"]);

    // A new identity for every post: stopped at the ceiling of questions waiting from one
    // address (300 in the hall), then at the new people one address may bring (300).
    const flood = [];
    for (let i = 0; i < 200; i++) {
      flood.push(await new Phone(false).ask(meeting, `Flom ${i} fra skriptet`));
    }
    expect(flood).toEqual([
      ...times(140, "stored"),
      ...times(149 - 140, "pendingLimit"),
      ...times(200 - 149, "network"),
    ]);
    expect(listQuestions(env.db, meeting.id, "pending")).toHaveLength(300);

    // The people already in the hall still take part where their own limits allow.
    for (const phone of phones.slice(0, 20)) {
      expect(await phone.signUp(meeting, "Nabo", `nabo-${Math.random()}@example.no`)).toBe(
        "stored",
      );
    }
  });
});
