import { describe, expect, it } from "vitest";
import {
  languageFromCookieHeader,
  languageSwitch,
  linkInLanguage,
  pageLanguage,
  requestLanguage,
} from "./language.server";

const get = (url: string, cookie?: string) =>
  new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

describe("the page's language", () => {
  it("is bokmål on a first visit, whatever the browser prefers", () => {
    const request = new Request("http://localhost/meetings/x", {
      headers: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    expect(requestLanguage(request)).toBe("nb");
  });

  it("is what the lang cookie says, among other cookies", () => {
    expect(requestLanguage(get("http://localhost/", "fm_supporter=abc; lang=nn"))).toBe("nn");
    expect(requestLanguage(get("http://localhost/", "lang=en"))).toBe("en");
  });

  it("ignores a cookie that names a language we do not speak", () => {
    expect(languageFromCookieHeader("lang=de")).toBeNull();
    expect(languageFromCookieHeader("lang=")).toBeNull();
    expect(languageFromCookieHeader("xlang=en")).toBeNull();
    expect(requestLanguage(get("http://localhost/", "lang=<script>"))).toBe("nb");
  });

  it("stays bokmål on organisers' pages", () => {
    expect(pageLanguage(get("http://localhost/admin/meetings/1", "lang=en"))).toBe("nb");
    expect(pageLanguage(get("http://localhost/admin", "lang=en"))).toBe("nb");
    expect(pageLanguage(get("http://localhost/administrasjon", "lang=en"))).toBe("en");
  });
});

describe("?lang= in a link", () => {
  it("remembers the choice for a year and goes back to the same address without it", () => {
    const response = languageSwitch(get("http://localhost/meetings/x/questions?sort=new&lang=nn"));
    expect(response?.status).toBe(303);
    expect(response?.headers.get("Location")).toBe("/meetings/x/questions?sort=new");
    const cookie = response?.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^lang=nn; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly/);
    expect(cookie).not.toContain("Secure");
  });

  it("sets a Secure cookie over https", () => {
    const response = languageSwitch(get("https://folkemote.example/?lang=en"));
    expect(response?.headers.get("Location")).toBe("/");
    expect(response?.headers.get("Set-Cookie")).toContain("; Secure");
  });

  it("is ignored when it names a language we do not speak, or on a form post", () => {
    expect(languageSwitch(get("http://localhost/?lang=de"))).toBeNull();
    expect(languageSwitch(get("http://localhost/?lang="))).toBeNull();
    expect(languageSwitch(get("http://localhost/"))).toBeNull();
    const post = new Request("http://localhost/meetings/x?lang=en", { method: "POST" });
    expect(languageSwitch(post)).toBeNull();
  });
});

describe("links in mail", () => {
  it("carry the recipient's language unless it is bokmål", () => {
    expect(linkInLanguage("https://x.example/r/abc", "en")).toBe("https://x.example/r/abc?lang=en");
    expect(linkInLanguage("https://x.example/q?sent=1", "nn")).toBe(
      "https://x.example/q?sent=1&lang=nn",
    );
    expect(linkInLanguage("https://x.example/r/abc", "nb")).toBe("https://x.example/r/abc");
    expect(linkInLanguage("https://x.example/m/questions#question-7", "en")).toBe(
      "https://x.example/m/questions?lang=en#question-7",
    );
  });
});
