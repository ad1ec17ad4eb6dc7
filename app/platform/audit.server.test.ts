import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDatabase } from "../../db/testing";
import { audit, auditPage } from "./audit.server";

let t: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  t = tempDatabase();
  for (let i = 0; i < 120; i++) audit(t.db, "cli", "test.entry", { target: `entry ${i}` });
});
afterEach(() => t.cleanup());

describe("auditPage", () => {
  it("shows the last page for a page number past the end, however large", () => {
    // 99999999999999999999 made SQLite refuse the OFFSET (SQLITE_MISMATCH): a 500.
    for (const page of [4, 1e20, Number("99999999999999999999"), Number.MAX_VALUE, Infinity]) {
      const shown = auditPage(t.db, page);
      expect(shown.page, String(page)).toBe(3);
      expect(shown.pages).toBe(3);
      expect(shown.entries).toHaveLength(20);
    }
  });

  it("shows the first page for zero, negative and non-numbers", () => {
    for (const page of [0, -1, -1e20, NaN, -Infinity]) {
      const shown = auditPage(t.db, page);
      expect(shown.page, String(page)).toBe(1);
      expect(shown.entries[0]?.target).toBe("entry 119");
    }
    expect(auditPage(t.db, 2.7).page).toBe(2);
  });
});
