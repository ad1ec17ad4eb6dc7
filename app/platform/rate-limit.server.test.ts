import { beforeEach, describe, expect, it } from "vitest";
import type { BrowserId } from "./browser-id.server";
import { admitNewcomer, admitPost, RateLimiter, resetLimitersForTests } from "./rate-limit.server";

it("allows the limit per window and key, then says how long to wait", () => {
  const limiter = new RateLimiter(2, 60_000);
  const t0 = 1_000_000;
  expect(limiter.hit("10.0.0.1", t0)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 1)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 1000)).toBe(59);
  expect(limiter.hit("10.0.0.2", t0 + 1000)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 60_000)).toBeNull();
});

// The defaults (app/platform/env.server.ts): 10 questions per person and 100 per address per
// 10 minutes, 30 new browser ids per address per 10 minutes, 10 times that in a hall.
describe("public posts through every limit at once", () => {
  const hallWifi = "192.0.2.10";
  const away = { meetingId: 1, inHall: false };
  const hall = { meetingId: 1, inHall: true };
  let n = 0;
  const newcomer = (): BrowserId => ({ key: `new-${n++}`, isNew: true, setCookie: "x" });
  const known = (key: string): BrowserId => ({ key, isNew: false, setCookie: null });
  const t0 = 5_000_000;

  beforeEach(() => resetLimitersForTests());

  it("stops one person at their own limit, without using up their network's", () => {
    const script = known("script");
    const answers = Array.from({ length: 50 }, (_, i) =>
      admitPost("question", { address: hallWifi, person: script, scope: away }, t0 + i),
    );
    expect(answers.filter((a) => a === null)).toHaveLength(10);
    expect(answers.at(-1)).toMatchObject({ reason: "person" });
    expect(answers.at(-1)!.retryAfter).toBeGreaterThan(500);
    // The 40 refused posts counted for nothing: 90 others still fit under the address's 100.
    const others = Array.from({ length: 90 }, (_, i) =>
      admitPost("question", { address: hallWifi, person: known(`p${i}`), scope: away }, t0 + 100),
    );
    expect(others.every((a) => a === null)).toBe(true);
    expect(
      admitPost("question", { address: hallWifi, person: known("p-last"), scope: away }, t0 + 100),
    ).toMatchObject({ reason: "network" });
    // Each kind has its own counters: the network can still sign up.
    expect(
      admitPost("signUp", { address: hallWifi, person: known("p0"), scope: away }, t0 + 100),
    ).toBeNull();
  });

  it("takes 30 new people from one address in ten minutes, then only those it knows", () => {
    for (let i = 0; i < 30; i++) {
      expect(
        admitPost("question", { address: hallWifi, person: newcomer(), scope: away }, t0),
      ).toBeNull();
    }
    expect(
      admitPost("question", { address: hallWifi, person: newcomer(), scope: away }, t0),
    ).toMatchObject({ reason: "network" });
    expect(
      admitPost("question", { address: hallWifi, person: known("regular"), scope: away }, t0),
    ).toBeNull();
    // Another address is another network.
    expect(
      admitPost("question", { address: "198.51.100.7", person: newcomer(), scope: away }, t0),
    ).toBeNull();
    // Ten minutes on, new people are welcome again.
    expect(
      admitPost("question", { address: hallWifi, person: newcomer(), scope: away }, t0 + 600_000),
    ).toBeNull();
  });

  it("takes a hall of 300 new phones on one Wi-Fi during its meeting, counted apart", () => {
    for (let i = 0; i < 30; i++) {
      admitPost("question", { address: hallWifi, person: newcomer(), scope: away }, t0);
    }
    // The hall's QR link hands out ids; each phone then posts with its own.
    const phones = Array.from({ length: 300 }, (_, i) => known(`phone-${i}`));
    for (let i = 0; i < 300; i++) expect(admitNewcomer(hallWifi, hall, t0)).toBe(true);
    expect(admitNewcomer(hallWifi, hall, t0)).toBe(false);
    for (const phone of phones) {
      expect(
        admitPost("question", { address: hallWifi, person: phone, scope: hall }, t0),
      ).toBeNull();
      expect(
        admitPost("support", { address: hallWifi, person: phone, scope: hall }, t0),
      ).toBeNull();
    }
    // The address's other posts, outside this meeting's hall, still have their own 100.
    expect(
      admitPost("question", { address: hallWifi, person: known("home"), scope: away }, t0),
    ).toBeNull();
  });
});
