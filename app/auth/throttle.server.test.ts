import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getLoginFailure } from "../../db/login-failures";
import { tempDatabase } from "../../db/testing";
import {
  blockDelayMs,
  checkLogin,
  recordLoginFailure,
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
    expect(checkLogin(t.db, attempt, at(from + i))).toEqual({ allowed: true });
    recordLoginFailure(t.db, attempt, at(from + i));
  }
}

describe("login throttling", () => {
  const kari = { email: "kari@roros.kommune.no", ip: "192.0.2.10" };

  it("lets the first failures through, then blocks for a doubling delay up to 15 minutes", () => {
    expect([4, 5, 6, 7, 9, 10, 30].map(blockDelayMs)).toEqual([
      0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000,
    ]);
    failRepeatedly(kari, 4);
    expect(checkLogin(t.db, kari, at(4))).toEqual({ allowed: true });

    recordLoginFailure(t.db, kari, at(10)); // the 5th
    expect(checkLogin(t.db, kari, at(10))).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(checkLogin(t.db, kari, at(39))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(checkLogin(t.db, kari, at(40))).toEqual({ allowed: true });

    recordLoginFailure(t.db, kari, at(40)); // the 6th
    expect(checkLogin(t.db, kari, at(40))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    recordLoginFailure(t.db, kari, at(100)); // the 7th
    expect(checkLogin(t.db, kari, at(100))).toEqual({ allowed: false, retryAfterSeconds: 120 });
    expect(retryAfterMinutes(120)).toBe(2);
    expect(retryAfterMinutes(1)).toBe(1);

    for (let i = 0; i < 10; i++) recordLoginFailure(t.db, kari, at(1000 + i));
    expect(checkLogin(t.db, kari, at(1009))).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });

  it("counts per account across addresses", () => {
    for (let i = 0; i < 5; i++) {
      recordLoginFailure(t.db, { email: kari.email, ip: `198.51.100.${i}` }, at(i));
    }
    // The account is blocked from a fresh address, even with the email typed differently…
    const blocked = checkLogin(t.db, { email: " KARI@roros.kommune.no", ip: "203.0.113.9" }, at(5));
    expect(blocked.allowed).toBe(false);
    // …and that address may still log in to another account.
    expect(checkLogin(t.db, { email: "per@roros.kommune.no", ip: "203.0.113.9" }, at(5))).toEqual({
      allowed: true,
    });
  });

  it("counts per address across accounts", () => {
    for (let i = 0; i < 5; i++) {
      recordLoginFailure(t.db, { email: `guess${i}@roros.kommune.no`, ip: kari.ip }, at(i));
    }
    expect(checkLogin(t.db, { email: "new@roros.kommune.no", ip: kari.ip }, at(5)).allowed).toBe(
      false,
    );
    expect(
      checkLogin(t.db, { email: "guess0@roros.kommune.no", ip: "203.0.113.9" }, at(5)),
    ).toEqual({ allowed: true });
  });

  it("clears the account and the address after a successful login", () => {
    failRepeatedly(kari, 4);
    recordLoginSuccess(t.db, kari);
    expect(getLoginFailure(t.db, "account:kari@roros.kommune.no")).toBeUndefined();
    expect(getLoginFailure(t.db, "ip:192.0.2.10")).toBeUndefined();
    // The count starts over: four more failures are free again.
    failRepeatedly(kari, 4, 10);
    expect(checkLogin(t.db, kari, at(20))).toEqual({ allowed: true });
  });

  it("forgets failures after a quiet day", () => {
    failRepeatedly(kari, 4);
    recordLoginFailure(t.db, kari, at(4));
    recordLoginFailure(t.db, kari, at(40)); // 6th: blocked for a minute
    const dayLater = 40 + 24 * 3600;
    recordLoginFailure(t.db, kari, at(dayLater));
    expect(getLoginFailure(t.db, "account:kari@roros.kommune.no")?.failures).toBe(1);
    expect(checkLogin(t.db, kari, at(dayLater))).toEqual({ allowed: true });
  });
});
