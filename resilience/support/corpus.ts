/**
 * The hostile-input corpus: values a careless or malicious visitor can type, paste or forge,
 * crossed with every field of every public form, plus broken encodings, wrong content types,
 * missing fields and mangled URLs. Every markup probe carries the word "xssprobe", so a
 * response can be searched for it arriving as live markup.
 */
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { OPEN_ADMIN_PATHS, pagePaths } from "../../app/testing/routes";

export interface HostileValue {
  kind: string;
  value: string;
}

const long = (n: number) => "Å".repeat(n);

const hostileValues: HostileValue[] = [
  // Line breaks and header injection
  { kind: "crlf", value: "Kari\r\nBcc: evil@example.com" },
  { kind: "crlf", value: "Kari\nX-Injected: yes" },
  { kind: "crlf", value: "Kari\rSubject: overwritten" },
  { kind: "crlf", value: "kari@example.no\r\nBcc: evil@example.com" },
  { kind: "crlf", value: "Kari%0d%0aBcc: evil@example.com" },
  { kind: "crlf", value: "Kari\u2028Bcc: evil@example.com" },
  { kind: "crlf", value: "Kari\u0085Bcc: evil@example.com" },
  { kind: "crlf", value: "\r\n\r\n<html>xssprobe" },
  // NUL and other control characters
  { kind: "nul", value: "Kari\u0000Nordmann" },
  { kind: "nul", value: "\u0000" },
  { kind: "control", value: "Kari\u0007\u001b[31mNordmann" },
  { kind: "control", value: "\u007f\u0008" },
  // Overlong
  { kind: "overlong", value: long(101) },
  { kind: "overlong", value: long(501) },
  { kind: "overlong", value: long(20_000) },
  { kind: "overlong", value: "a".repeat(250) + "@example.no" },
  // Script and HTML
  { kind: "markup", value: "<script>xssprobe(1)</script>" },
  { kind: "markup", value: '"><img src=x onerror=xssprobe(1)>' },
  { kind: "markup", value: "<svg/onload=xssprobe(1)>" },
  { kind: "markup", value: '" onmouseover="xssprobe(1)' },
  { kind: "markup", value: "' onfocus='xssprobe(1)' autofocus '" },
  { kind: "markup", value: "</textarea></title><script>xssprobe(1)</script>" },
  { kind: "markup", value: "<xssprobe>bold</xssprobe>" },
  { kind: "markup", value: "javascript:xssprobe(1)" },
  { kind: "markup", value: "<!-- xssprobe" },
  { kind: "markup", value: "[lenke](javascript:xssprobe(1)) **fet** <b>xssprobe</b>" },
  { kind: "markup", value: "{{7*7}} ${7*7} <%= 7*7 %>" },
  { kind: "markup", value: "&lt;script&gt;xssprobe&amp;" },
  // Right-to-left and zero-width
  { kind: "rtl", value: "Kari \u202Eonmrdron\u202C" },
  { kind: "rtl", value: "محمد علي" },
  { kind: "rtl", value: "\u200F\u200E\u061C" },
  { kind: "zero-width", value: "K\u200Ba\u200Cr\u200Di\uFEFF" },
  { kind: "zero-width", value: "\u200B" },
  // SQL-looking text
  { kind: "sql", value: "'; DROP TABLE registrations; --" },
  { kind: "sql", value: "Robert'); DELETE FROM meetings; --" },
  { kind: "sql", value: "1 OR 1=1" },
  { kind: "sql", value: '" OR ""="' },
  // Emoji and odd Unicode
  { kind: "emoji", value: "Kari 👩‍👩‍👧‍👦🏳️‍🌈" },
  { kind: "emoji", value: "\uD83D" },
  { kind: "unicode", value: "Kåre Ødegård-Æsøy" },
  { kind: "unicode", value: "ＫＡＲＩ＠ｅｘａｍｐｌｅ．ｎｏ" },
  { kind: "unicode", value: "e\u0301\u0301\u0301\u0301\u0301" },
  // Spreadsheet formulas
  { kind: "formula", value: '=HYPERLINK("https://evil.example","klikk")' },
  { kind: "formula", value: "+SUM(1+1)" },
  { kind: "formula", value: "-2+3" },
  { kind: "formula", value: "@cmd|' /C calc'!A0" },
  { kind: "formula", value: "\t=1+1" },
  { kind: "formula", value: " =1+1" },
  // Numbers and flags that are not
  { kind: "number", value: "-1" },
  { kind: "number", value: "0" },
  { kind: "number", value: "1e3" },
  { kind: "number", value: "NaN" },
  { kind: "number", value: "99999999999999999999999" },
  { kind: "number", value: "1.5" },
  { kind: "number", value: "0x10" },
  // Email-shaped trouble
  { kind: "email", value: "kari@example.no, ola@example.no" },
  { kind: "email", value: "Kari <kari@example.no>" },
  { kind: "email", value: '"kari nordmann"@example.no' },
  { kind: "email", value: "kari@[127.0.0.1]" },
  { kind: "email", value: "kari@example.no\u0000.evil.example" },
  // Empty and blank
  { kind: "blank", value: "" },
  { kind: "blank", value: "   \t " },
];

export interface HostileCase {
  id: number;
  label: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** For the "stored whole" check: the email this case signs up with, when it is unique. */
  uniqueEmail?: string;
  /** A sign-up attempt: success creates one registration. */
  signUp?: boolean;
}

export interface CorpusTargets {
  /** Public route patterns from app/routes.ts (see publicRoutes). */
  publicRoutes?: string[];
  meetingSlug: string;
  /** A live manage token to post changes to. */
  manageToken: string;
  /** A live manage token to post cancellations to. */
  cancelToken: string;
  /** The honeypot's valid timestamp. */
  validFrom: string;
  base: string;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };

/** The corpus for one running app. */
export function buildCorpus(t: CorpusTargets): HostileCase[] {
  const cases: Omit<HostileCase, "id">[] = [];
  let n = 0;
  const email = () => `hostile-${++n}@example.no`;
  const rsvpPath = `/meetings/${t.meetingSlug}`;
  const rsvp = (overrides: Record<string, string>, omit: string[] = []) => {
    const fields: Record<string, string> = {
      name: "Kari Nordmann",
      email: email(),
      partySize: "1",
      needsOther: "on",
      needsText: "Ingen",
      consent: "on",
      website: "",
      from__confirm: t.validFrom,
      ...overrides,
    };
    for (const key of omit) delete fields[key];
    return fields;
  };

  // 1. Every hostile value in every field of the sign-up form.
  const rsvpFields = [
    "name",
    "email",
    "partySize",
    "needsText",
    "needsOther",
    "consent",
    "website",
    "from__confirm",
  ];
  for (const field of rsvpFields) {
    for (const v of hostileValues) {
      const fields = rsvp({ [field]: v.value });
      cases.push({
        label: `sign-up ${field}=${v.kind} ${JSON.stringify(v.value.slice(0, 40))}`,
        method: "POST",
        path: rsvpPath,
        headers: urlencoded,
        body: form(fields),
        uniqueEmail: field === "email" ? undefined : fields.email,
        signUp: true,
      });
    }
  }
  // 2. Missing fields, one at a time and all at once.
  for (const field of [...rsvpFields, "needsText"]) {
    const fields = rsvp({}, [field]);
    cases.push({
      label: `sign-up without ${field}`,
      method: "POST",
      path: rsvpPath,
      headers: urlencoded,
      body: form(fields),
      uniqueEmail: fields.email,
      signUp: true,
    });
  }
  cases.push({
    label: "sign-up with no fields",
    method: "POST",
    path: rsvpPath,
    headers: urlencoded,
    body: "",
    signUp: true,
  });

  // 3. The change form behind a personal link.
  const managePath = `/r/${t.manageToken}`;
  for (const field of ["partySize", "needsText", "needsAccessibility", "intent"]) {
    for (const v of hostileValues) {
      const fields: Record<string, string> = {
        intent: "update",
        partySize: "2",
        needsText: "",
        [field]: v.value,
      };
      cases.push({
        label: `change ${field}=${v.kind} ${JSON.stringify(v.value.slice(0, 40))}`,
        method: "POST",
        path: managePath,
        headers: urlencoded,
        body: form(fields),
      });
    }
  }

  // 4. The organisers' login and first-run setup (with a link that does not exist).
  const origin = { ...urlencoded, Origin: t.base };
  for (const v of hostileValues.filter((_, i) => i % 3 === 0)) {
    for (const field of ["email", "password", "redirectTo"]) {
      const fields: Record<string, string> = {
        email: "nobody@example.no",
        password: "feil-passord",
        redirectTo: "/admin",
        [field]: v.value,
      };
      cases.push({
        label: `login ${field}=${v.kind}`,
        method: "POST",
        path: "/admin/login",
        headers: origin,
        body: form(fields),
      });
    }
    cases.push({
      label: `setup name=${v.kind}`,
      method: "POST",
      path: "/admin/setup/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      headers: origin,
      body: form({
        name: v.value,
        email: "ny@example.no",
        password: v.value,
        passwordRepeat: v.value,
      }),
    });
  }

  // 5. Broken encodings and wrong content types, at every public form.
  const validBody = () => form(rsvp({}));
  // A function: each target gets its own emails, so no two cases sign up the same address.
  const bodies = (): {
    label: string;
    headers: Record<string, string>;
    body: string | Buffer;
  }[] => [
    {
      label: "malformed percent-encoding %C3%28",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=%C3%28"),
    },
    {
      label: "percent-encoded surrogate %ED%A0%80",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=%ED%A0%80"),
    },
    {
      label: "overlong UTF-8 %C0%AF",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=%C0%AF%C0%AF"),
    },
    {
      label: "beyond U+10FFFF %F4%90%80%80",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=%F4%90%80%80"),
    },
    {
      label: "truncated percent %",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=Kari%"),
    },
    {
      label: "bad percent %G1",
      headers: urlencoded,
      body: validBody().replace(/name=[^&]*/, "name=%G1%"),
    },
    {
      label: "raw invalid bytes",
      headers: urlencoded,
      body: Buffer.concat([
        Buffer.from("name="),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from("&" + validBody().replace(/^name=[^&]*&/, "")),
      ]),
    },
    {
      label: "charset=utf-16 claimed",
      headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-16" },
      body: validBody(),
    },
    {
      label: "JSON body",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(rsvp({})),
    },
    { label: "text/plain body", headers: { "Content-Type": "text/plain" }, body: validBody() },
    {
      label: "XML body",
      headers: { "Content-Type": "application/xml" },
      body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    },
    { label: "no content type", headers: {}, body: validBody() },
    {
      label: "multipart without boundary",
      headers: { "Content-Type": "multipart/form-data" },
      body: validBody(),
    },
    {
      label: "multipart with broken part",
      headers: { "Content-Type": "multipart/form-data; boundary=xx" },
      body: '--xx\r\nContent-Disposition: form-data; name="name"\r\n\r\nKari\r\n--xx\r\nContent-Disposition: form-data; name="email"\r\n',
    },
    {
      label: "multipart with invalid UTF-8",
      headers: { "Content-Type": "multipart/form-data; boundary=xx" },
      body: Buffer.concat([
        Buffer.from('--xx\r\nContent-Disposition: form-data; name="name"\r\n\r\n'),
        Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
        Buffer.from(
          `\r\n--xx\r\nContent-Disposition: form-data; name="email"\r\n\r\n${email()}\r\n--xx--\r\n`,
        ),
      ]),
    },
    {
      label: "oversized body (3 MB)",
      headers: urlencoded,
      body: validBody() + "&needsText=" + "a".repeat(3 * 1024 * 1024),
    },
  ];
  for (const target of [rsvpPath, managePath, `/r/${t.cancelToken}/cancel`, "/admin/login"]) {
    for (const b of bodies()) {
      cases.push({
        label: `${target.replace(/\/r\/[^/]+/, "/r/:token")}: ${b.label}`,
        method: "POST",
        path: target,
        headers: target === "/admin/login" ? { ...b.headers, Origin: t.base } : b.headers,
        body: b.body,
        signUp: target === rsvpPath,
      });
    }
  }

  // 6. Mangled URLs, GET and POST, at every public route.
  const paths = [
    "/",
    "/?q=%FF%FE",
    rsvpPath + "?x=%",
    "/meetings/%E0%A4%A",
    "/meetings/%FF",
    "/meetings/%00",
    "/meetings/%3Cscript%3Exssprobe(1)%3C%2Fscript%3E",
    "/meetings/" + "a".repeat(5000),
    "/meetings/..%2F..%2Fetc%2Fpasswd",
    `/meetings/${t.meetingSlug}/calendar.ics`,
    "/meetings/%C0%AF/calendar.ics",
    `/meetings/${t.meetingSlug}/updated`,
    "/meetings/%ZZ/updated",
    `${managePath}?welcome=%3Cscript%3Exssprobe(1)%3C%2Fscript%3E`,
    `${managePath}?welcome=%FF&saved=%00`,
    "/r/%00",
    "/r/%E0%A4%A",
    "/r/'%20OR%201=1--",
    "/r/" + "A".repeat(43),
    `/r/${t.cancelToken}/cancel?x=%FF`,
    "/r/%FF/cancel",
    "/privacy?%3Cxssprobe%3E=1",
    "/healthz?%FF",
    "/admin/login?redirectTo=https://evil.example",
    "/admin/login?redirectTo=%0d%0aSet-Cookie:%20x=1",
    "/admin/login?redirectTo=javascript:xssprobe(1)",
    "/admin/setup/%FF",
    "/admin/setup/" + "x".repeat(3000),
    "/no-such-page/%FF%FE",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/_bench/html/100000",
    "/_bench/insert",
    "/index.html?_data=root",
    rsvpPath + "?_data=routes/meeting",
    rsvpPath + ".data",
    rsvpPath + ".data?_routes=routes%2Fmeeting%FF",
  ];
  for (const p of paths) {
    cases.push({ label: `GET ${p.slice(0, 80)}`, method: "GET", path: p });
    cases.push({
      label: `POST ${p.slice(0, 80)}`,
      method: "POST",
      path: p,
      headers: urlencoded,
      body: "a=%FF&b=<xssprobe>",
    });
  }

  // 7. Every public route in app/routes.ts, whatever it is: GET, and POST with each broken
  //    body, its parameters filled with live values. A route added later is covered at once.
  const fill = (pattern: string) =>
    pattern
      .replace(":slug", t.meetingSlug)
      .replace(":token", t.manageToken)
      .replace(/:[A-Za-z]+/g, "1")
      .replace("*", "no-such-page");
  for (const pattern of t.publicRoutes ?? []) {
    const p = fill(pattern);
    cases.push({ label: `route ${pattern}: GET`, method: "GET", path: p });
    for (const b of bodies()) {
      cases.push({
        label: `route ${pattern}: ${b.label}`,
        method: "POST",
        path: p,
        headers: { ...b.headers, Origin: t.base },
        body: b.body,
        signUp: p === rsvpPath,
      });
    }
  }

  return cases.map((c, i) => ({ ...c, id: i + 1 }));
}

/**
 * Every path in a React Router route config, layouts flattened away, without the organisers'
 * pages behind a login (app/auth/admin-access.test.ts proves those refuse strangers).
 */
export function publicRoutes(entries: RouteConfigEntry[]): string[] {
  return pagePaths(entries).filter((p) => !p.startsWith("/admin") || OPEN_ADMIN_PATHS.includes(p));
}

/**
 * Markup from the corpus arriving live in a response: the probes exactly as typed. Escaped
 * text (&lt;…, &quot;…, or \u003c… inside the framework's JSON) never matches. A single
 * quote is no probe: React quotes every attribute with double quotes, and the framework's
 * JSON keeps ' as it is, harmlessly.
 */
const LIVE_PROBES = [
  "<script>xssprobe",
  "<img src=x onerror=xssprobe",
  "<svg/onload=xssprobe",
  "<xssprobe>",
  "<xssprobe=",
  "<b>xssprobe",
  "<html>xssprobe",
  '" onmouseover="xssprobe',
  'href="javascript:xssprobe',
];

export function unescapedProbe(body: string): string | null {
  return LIVE_PROBES.find((probe) => body.includes(probe)) ?? null;
}
