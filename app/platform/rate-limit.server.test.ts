import { expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.server";

it("allows the limit per window and key, then says how long to wait", () => {
  const limiter = new RateLimiter(2, 60_000);
  const t0 = 1_000_000;
  expect(limiter.hit("10.0.0.1", t0)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 1)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 1000)).toBe(59);
  expect(limiter.hit("10.0.0.2", t0 + 1000)).toBeNull();
  expect(limiter.hit("10.0.0.1", t0 + 60_000)).toBeNull();
});
