import { describe, expect, it } from "vitest";
import { limitFor } from "./body-limit.server";

describe("limitFor", () => {
  const limits = { publicBytes: 64, adminBytes: 5000 };

  it("gives organiser pages the larger limit, but not login and first-run setup", () => {
    for (const path of ["/admin", "/admin/", "/admin/meetings/1/edit", "/admin/meetings/1.data"]) {
      expect(limitFor(path, limits), path).toBe(5000);
    }
    for (const path of [
      "/admin/login",
      "/admin/login.data",
      "/admin/setup/abc",
      "/",
      "/meetings/x",
      "/r/abc",
      "/administrator",
      "/_root.data",
    ]) {
      expect(limitFor(path, limits), path).toBe(64);
    }
  });
});
