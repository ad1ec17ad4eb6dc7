import { expect, it } from "vitest";
import { memo } from "./memo";

it("makes each key's value once, and lets all go at the limit", () => {
  const made: string[] = [];
  const kept = memo<string>(2);
  const get = (key: string) =>
    kept(key, () => {
      made.push(key);
      return key.toUpperCase();
    });
  expect([get("a"), get("a"), get("b"), get("b")]).toEqual(["A", "A", "B", "B"]);
  expect(made).toEqual(["a", "b"]);
  // A third key empties the cache: a and b are made again when asked for.
  expect(get("c")).toBe("C");
  expect(get("c")).toBe("C");
  expect(get("a")).toBe("A");
  expect(made).toEqual(["a", "b", "c", "a"]);
});
