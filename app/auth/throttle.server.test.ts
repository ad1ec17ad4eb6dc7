import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getLoginFailure, recordFailure } from "../../db/login-failures";
import { tempDatabase } from "../../db/testing";
import {
  ACCOUNT_FAILURES_PER_HOUR,
  accountKey,
  blockDelayMs,
  checkLoginAddress,
  claimLoginAttempt,
  clearAccountFailures,
  ipKey,
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

  it("takes the attempt back after a right password: the pair's count starts over", () => {
    failRepeatedly(kari, 4);
    // The right password, claimed like any attempt.
    expect(claimLoginAttempt(t.db, kari, at(4)).allowed).toBe(true);
    recordLoginSuccess(t.db, kari, at(4));
    expect(getLoginFailure(t.db, pairKey(kari))).toBeUndefined();
    // The address and the account keep the four failures, not the right attempt.
    expect(getLoginFailure(t.db, ipKey(kari.ip, at(4)))?.failures).toBe(4);
    expect(getLoginFailure(t.db, accountKey(kari.email, at(4)))?.failures).toBe(4);
    failRepeatedly(kari, 4, 10);
  });

  it("keeps counting an address's failures across its own right logins", () => {
    // Mallory has an account of her own and guesses at others' between her own logins.
    const own = { email: "mallory@roros.kommune.no", ip: "198.51.100.7" };
    let guesses = 0;
    for (let i = 0; i < 40; i++) {
      const guess = { email: `organiser${i}@roros.kommune.no`, ip: own.ip };
      if (!claimLoginAttempt(t.db, guess, at(2 * i)).allowed) break;
      guesses++;
      if (claimLoginAttempt(t.db, own, at(2 * i + 1)).allowed) {
        recordLoginSuccess(t.db, own, at(2 * i + 1));
      }
    }
    expect(guesses).toBe(10);
    // Blocked for her own account too: the block is the address's.
    expect(claimLoginAttempt(t.db, own, at(21)).allowed).toBe(false);
    expect(checkLoginAddress(t.db, own.ip, at(21))).toEqual({
      allowed: false,
      retryAfterSeconds: 27,
    });
    expect(checkLoginAddress(t.db, "203.0.113.9", at(21))).toEqual({ allowed: true });
  });

  it("lifts a block that only the right attempt's own count had set", () => {
    for (let i = 0; i < 9; i++) {
      claimLoginAttempt(t.db, { email: `typo${i}@roros.kommune.no`, ip: kari.ip }, at(i));
    }
    // The tenth attempt would block the address, but its password is right.
    expect(claimLoginAttempt(t.db, kari, at(9)).allowed).toBe(true);
    expect(checkLoginAddress(t.db, kari.ip, at(10)).allowed).toBe(false);
    recordLoginSuccess(t.db, kari, at(9));
    expect(checkLoginAddress(t.db, kari.ip, at(10))).toEqual({ allowed: true });
    expect(getLoginFailure(t.db, ipKey(kari.ip, at(10)))?.failures).toBe(9);
  });

  it("starts an address's count over each day, so an office's typos don't pile up", () => {
    for (let i = 0; i < 10; i++) {
      claimLoginAttempt(t.db, { email: `typo${i}@roros.kommune.no`, ip: kari.ip }, at(i));
    }
    expect(checkLoginAddress(t.db, kari.ip, at(11)).allowed).toBe(false);
    // The test starts at 10:00 UTC: midnight is 14 hours on.
    expect(checkLoginAddress(t.db, kari.ip, at(14 * 3600)).allowed).toBe(true);
    expect(
      claimLoginAttempt(t.db, { email: "typo0@roros.kommune.no", ip: kari.ip }, at(14 * 3600)),
    ).toEqual({ allowed: true });
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
