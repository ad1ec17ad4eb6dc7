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

  it("chooses by the route the router will match, however the path is written", () => {
    // Each reaches a public route (or login) inside: the public limit.
    for (const url of [
      "/admin/../meetings/smahus-gjosvika/questions/new",
      "/admin/%2e%2e/meetings/smahus-gjosvika/questions/new",
      "/admin/.%2E/meetings/smahus-gjosvika/subscribe?x=1",
      "/admin\\..\\meetings/smahus-gjosvika",
      "/admin/meetings/../../meetings/smahus-gjosvika",
      "/ADMIN/LOGIN",
      "/admin/%6cogin",
      "/admin/Setup/abc",
      "/admin%2fmeetings/1/edit",
    ]) {
      expect(limitFor(url, limits), url).toBe(64);
    }
    // Each reaches an organiser's route: uploads still fit.
    for (const url of [
      "/ADMIN/meetings/1/answers",
      "/%61dmin/meetings/1/answers",
      "/meetings/../admin/meetings/1/answers?index",
      "/admin/./meetings/1/answers.data",
    ]) {
      expect(limitFor(url, limits), url).toBe(5000);
    }
  });
});
