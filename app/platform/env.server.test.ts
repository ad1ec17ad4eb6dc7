import { describe, expect, it } from "vitest";
import { parseEnv, startupWarnings } from "./env.server";

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SEED_DEMO).toBe(true);
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.databaseFile).toMatch(/data\/folkemote\.sqlite$/);
    expect(env.outboxDir).toMatch(/data\/outbox$/);
  });

  it("gives citizens a contact on every page: Røros kommune unless set, and only sane values", () => {
    expect(parseEnv({})).toMatchObject({
      CONTACT_NAME: "Røros kommune",
      CONTACT_EMAIL: "postmottak@roros.kommune.no",
      CONTACT_PHONE: "72 41 94 00",
    });
    const set = parseEnv({
      CONTACT_NAME: " Servicetorget, Røros kommune ",
      CONTACT_EMAIL: "servicetorget@roros.kommune.no",
      CONTACT_PHONE: "+47 72 41 94 00",
    });
    expect([set.CONTACT_NAME, set.CONTACT_EMAIL, set.CONTACT_PHONE]).toEqual([
      "Servicetorget, Røros kommune",
      "servicetorget@roros.kommune.no",
      "+47 72 41 94 00",
    ]);
    expect(() => parseEnv({ CONTACT_EMAIL: "postmottak" })).toThrowError(/CONTACT_EMAIL/);
    expect(() => parseEnv({ CONTACT_PHONE: "ring oss" })).toThrowError(/CONTACT_PHONE/);
    expect(() => parseEnv({ CONTACT_NAME: "Røros\nkommune" })).toThrowError(/CONTACT_NAME/);
  });

  it("links an accessibility statement only on uustatus.no over https, and takes feedback at the contact address unless set", () => {
    expect(parseEnv({}).ACCESSIBILITY_STATEMENT_URL).toBeUndefined();
    const statement = "https://uustatus.no/nb/erklaringer/publisert/0a1b2c3d-4e5f";
    expect(parseEnv({ ACCESSIBILITY_STATEMENT_URL: statement }).ACCESSIBILITY_STATEMENT_URL).toBe(
      statement,
    );
    for (const bad of [
      "http://uustatus.no/nb/erklaringer/publisert/0a1b",
      "https://uustatus.no.example.com/erklaring",
      "https://roros.kommune.no/tilgjengelighet",
      "javascript:alert(1)",
      "uustatus.no",
    ]) {
      expect(() => parseEnv({ ACCESSIBILITY_STATEMENT_URL: bad }), bad).toThrowError(
        /ACCESSIBILITY_STATEMENT_URL: must be an https:\/\/ address on uustatus\.no/,
      );
    }

    expect(parseEnv({}).accessibilityFeedbackEmail).toBe("postmottak@roros.kommune.no");
    expect(
      parseEnv({ CONTACT_EMAIL: "servicetorget@roros.kommune.no" }).accessibilityFeedbackEmail,
    ).toBe("servicetorget@roros.kommune.no");
    expect(
      parseEnv({
        CONTACT_EMAIL: "servicetorget@roros.kommune.no",
        ACCESSIBILITY_FEEDBACK_EMAIL: "uu@roros.kommune.no",
      }).accessibilityFeedbackEmail,
    ).toBe("uu@roros.kommune.no");
    expect(() => parseEnv({ ACCESSIBILITY_FEEDBACK_EMAIL: "uu" })).toThrowError(
      /ACCESSIBILITY_FEEDBACK_EMAIL/,
    );
  });

  it("names every bad variable in one message", () => {
    let message = "";
    try {
      parseEnv({ PORT: "seventy", SMTP_URL: "http://mail.example", SEED_DEMO: "maybe" });
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split("\n");
    expect(lines[0]).toBe("Invalid environment:");
    // Exactly the three bad variables, each on its own line, and nothing else.
    const named = lines
      .slice(1)
      .map((line) => line.trim().split(":")[0])
      .sort();
    expect(named).toEqual(["PORT", "SEED_DEMO", "SMTP_URL"]);
  });

  it("limits bodies to 64 KB, and organiser pages to ADMIN_BODY_LIMIT_MB (5 MB unless set)", () => {
    expect(parseEnv({}).bodyLimits).toEqual({
      publicBytes: 64 * 1024,
      adminBytes: 5 * 1024 * 1024,
    });
    expect(parseEnv({ ADMIN_BODY_LIMIT_MB: "20" }).bodyLimits.adminBytes).toBe(20 * 1024 * 1024);
    expect(() => parseEnv({ ADMIN_BODY_LIMIT_MB: "lots" })).toThrowError(/ADMIN_BODY_LIMIT_MB/);
    expect(() => parseEnv({ ADMIN_BODY_LIMIT_MB: "5000" })).toThrowError(/ADMIN_BODY_LIMIT_MB/);
  });

  it("reads the delivery limits and wants all three DKIM settings or none", () => {
    const env = parseEnv({ SMTP_MAX_CONNECTIONS: "3", SMTP_MAX_MESSAGES_PER_SECOND: "10" });
    expect(env.SMTP_MAX_CONNECTIONS).toBe(3);
    expect(env.SMTP_MAX_MESSAGES_PER_SECOND).toBe(10);
    expect(parseEnv({}).SMTP_TIMEOUT_SECONDS).toBe(10);
    expect(() => parseEnv({ SMTP_TIMEOUT_SECONDS: "60" })).toThrowError(/SMTP_TIMEOUT_SECONDS/);
    expect(() => parseEnv({ SMTP_MAX_CONNECTIONS: "0" })).toThrowError(/SMTP_MAX_CONNECTIONS/);
    expect(() => parseEnv({ DKIM_DOMAIN: "roros.kommune.no" })).toThrowError(
      /DKIM_PRIVATE_KEY_FILE/,
    );
    expect(
      parseEnv({
        DKIM_DOMAIN: "roros.kommune.no",
        DKIM_SELECTOR: "folkemote",
        DKIM_PRIVATE_KEY_FILE: "/etc/dkim.pem",
      }).DKIM_SELECTOR,
    ).toBe("folkemote");
  });

  it("requires a real SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/SESSION_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrowError(
      /SESSION_SECRET: must be at least 32 characters/,
    );
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) });
    expect(env.sessionSecret).toBe("x".repeat(32));
  });

  it("accepts smtp and smtps URLs with credentials and strips a trailing slash from PUBLIC_URL", () => {
    const env = parseEnv({
      SMTP_URL: "smtps://user:pass@smtp.example.no:465",
      PUBLIC_URL: "https://moter.roros.kommune.no/",
      SEED_DEMO: "false",
    });
    expect(env.SMTP_URL).toBe("smtps://user:pass@smtp.example.no:465");
    expect(env.publicUrl).toBe("https://moter.roros.kommune.no");
    expect(env.SEED_DEMO).toBe(false);
  });

  it("warns at start when the session secret is the one in the source", () => {
    for (const NODE_ENV of ["development", "test"]) {
      const [warning, ...more] = startupWarnings(parseEnv({ NODE_ENV }));
      expect(warning).toMatch(/^WARNING: SESSION_SECRET is not set/);
      expect(warning).toContain(`NODE_ENV=${NODE_ENV}`);
      expect(more).toEqual([]);
    }
    const secret = "a-secret-of-at-least-32-characters-long";
    expect(startupWarnings(parseEnv({ SESSION_SECRET: secret }))).toEqual([]);
    expect(startupWarnings(parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret }))).toEqual(
      [],
    );
  });
});
