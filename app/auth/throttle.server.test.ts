import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getLoginFailure, recordFailure } from "../../db/login-failures";
import { tempDatabase } from "../../db/testing";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  blockDelayMs,
  claimLoginAttempt,
  clearAccountFailures,
  pairKey,
  recordLoginSuccess,
  retryAfterMinutes,
  type LoginAttempt,
} from "./throttle.server";

let t: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  t = tempDatabase();
});
afterEach(() => t.cleanup());

const start = Date.parse("2025-03-01T10:00:00Z");
const at = (seconds: number) => new Date(start + seconds * 1000);

/** Fails `times` times, one second apart from `from`; each attempt must be allowed. */
function failRepeatedly(attempt: LoginAttempt, times: number, from = 0) {
  for (let i = 0; i < times; i++) {
    expect(claimLoginAttempt(t.db, attempt, at(from + i)), `attempt ${i + 1}`).toEqual({
      allowed: true,
    });
  }
}

describe("login throttling", () => {
  const kari = { email: "kari@roros.kommune.no", ip: "192.0.2.10" };

  it("lets the first attempts through, then blocks for a doubling delay up to 15 minutes", () => {
    expect([4, 5, 6, 7, 9, 10, 30].map((n) => blockDelayMs(n))).toEqual([
      0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000,
    ]);
    failRepeatedly(kari, 5);
    // The 5th attempt was counted before its password was checked: the 6th waits.
    expect(claimLoginAttempt(t.db, kari, at(5))).toEqual({ allowed: false, retryAfterSeconds: 29 });
    expect(claimLoginAttempt(t.db, kari, at(33))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // A refused attempt counts nothing: the block ends when it said.
    expect(claimLoginAttempt(t.db, kari, at(34))).toEqual({ allowed: true }); // the 6th
    expect(claimLoginAttempt(t.db, kari, at(34))).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    expect(retryAfterMinutes(120)).toBe(2);
    expect(retryAfterMinutes(1)).toBe(1);
  });

  it("counts parallel attempts: only the free ones get to a password check", () => {
    // All claimed in the same second, as a burst of parallel requests would be.
    const outcomes = Array.from({ length: 40 }, () => claimLoginAttempt(t.db, kari, at(0)).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(5);
  });

  it("blocks the account at one address, not at another: the owner still gets in", () => {
    const attacker = { email: kari.email, ip: "198.51.100.66" };
    failRepeatedly(attacker, 5);
    // One attempt every 15 minutes, for a day, from the attacker's address.
    for (let minute = 15; minute < 24 * 60; minute += 15) {
      claimLoginAttempt(t.db, attacker, at(minute * 60));
    }
    expect(claimLoginAttempt(t.db, attacker, at(24 * 3600 - 60)).allowed).toBe(false);
    // The owner, from the office, even with the address typed differently.
    const owner = { email: " KARI@roros.kommune.no", ip: "203.0.113.9" };
    expect(claimLoginAttempt(t.db, owner, at(24 * 3600 - 60))).toEqual({ allowed: true });
  });

  it("counts per address across accounts, with more free failures", () => {
    for (let i = 0; i < 10; i++) {
      expect(
        claimLoginAttempt(t.db, { email: `guess${i}@roros.kommune.no`, ip: kari.ip }, at(i))
          .allowed,
      ).toBe(true);
    }
    expect(
      claimLoginAttempt(t.db, { email: "new@roros.kommune.no", ip: kari.ip }, at(10)).allowed,
    ).toBe(false);
    expect(
      claimLoginAttempt(t.db, { email: "guess0@roros.kommune.no", ip: "203.0.113.9" }, at(10)),
    ).toEqual({
      allowed: true,
    });
  });

  it("has a loose account-wide ceiling per hour, for guessing from many addresses at once", () => {
    for (let i = 0; i < ACCOUNT_FAILURES_PER_HOUR; i++) {
      expect(
        claimLoginAttempt(t.db, { email: kari.email, ip: `10.0.${i >> 8}.${i & 255}` }, at(i))
          .allowed,
      ).toBe(true);
    }
    const blocked = claimLoginAttempt(
      t.db,
      { email: kari.email, ip: "203.0.113.9" },
      at(ACCOUNT_FAILURES_PER_HOUR),
    );
    // Until the clock hour ends (the test starts on the hour).
    expect(blocked).toEqual({
      allowed: false,
      retryAfterSeconds: 3600 - ACCOUNT_FAILURES_PER_HOUR,
    });
    // The next hour starts from zero.
    expect(
      claimLoginAttempt(t.db, { email: kari.email, ip: "203.0.113.9" }, at(3600)).allowed,
    ).toBe(true);
    // Other accounts are not affected.
    expect(
      claimLoginAttempt(t.db, { email: "per@roros.kommune.no", ip: "203.0.113.9" }, at(100))
        .allowed,
    ).toBe(true);
  });

  it("takes the attempt back after a right password: the count starts over", () => {
    failRepeatedly(kari, 4);
    recordLoginSuccess(t.db, kari, at(4));
    expect(getLoginFailure(t.db, pairKey(kari))).toBeUndefined();
    expect(getLoginFailure(t.db, "ip:192.0.2.10")).toBeUndefined();
    failRepeatedly(kari, 4, 10);
  });

  it("forgets failures after a quiet day", () => {
    failRepeatedly(kari, 5);
    const dayLater = 5 + 24 * 3600;
    expect(claimLoginAttempt(t.db, kari, at(dayLater))).toEqual({ allowed: true });
    expect(getLoginFailure(t.db, pairKey(kari))?.failures).toBe(1);
  });

  it("clears one account's counts from every address after a password reset", () => {
    failRepeatedly(kari, 5);
    failRepeatedly({ email: kari.email, ip: "203.0.113.9" }, 5);
    recordFailure(t.db, pairKey({ email: "per@roros.kommune.no", ip: kari.ip }), {
      failures: 3,
      at: at(0).toISOString(),
      blockedUntil: null,
    });
    clearAccountFailures(t.db, "Kari@roros.kommune.no");
    expect(claimLoginAttempt(t.db, { email: kari.email, ip: "203.0.113.9" }, at(10)).allowed).toBe(
      true,
    );
    expect(
      getLoginFailure(t.db, pairKey({ email: "per@roros.kommune.no", ip: kari.ip }))?.failures,
    ).toBe(3);
  });
});
