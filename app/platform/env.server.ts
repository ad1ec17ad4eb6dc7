import path from "node:path";
import { z } from "zod";

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

// Shown on every page: one line, no markup (React escapes it, but a line break or a control
// character in a footer is a mistake in the setting).
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !/\p{Cc}/u.test(v), "must be one line without control characters");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default("./data"),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
      .optional(),
    MAIL_FROM: z.string().min(3).default("Røros kommune <postmottak@roros.kommune.no>"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SEED_DEMO: boolean.default(true),
    // Who citizens contact about the meetings: the footer of every page.
    CONTACT_NAME: oneLine(100).default("Røros kommune"),
    CONTACT_EMAIL: z
      .email({ error: "must be an email address" })
      .default("postmottak@roros.kommune.no"),
    CONTACT_PHONE: z
      .string()
      .trim()
      .regex(
        /^\+?[0-9][0-9 ]{3,18}[0-9]$/,
        "must be a phone number: digits and spaces, + first if any",
      )
      .default("72 41 94 00"),
    // The municipality's accessibility statement, which it publishes on Digdir's uustatus.no
    // (a supplier cannot file it): linked from every page's footer when set.
    ACCESSIBILITY_STATEMENT_URL: z
      .url({
        protocol: /^https$/,
        hostname: /^(www\.)?uustatus\.no$/,
        error: "must be an https:// address on uustatus.no",
      })
      .optional(),
    // Where citizens report an accessibility problem (the /accessibility page); unset: CONTACT_EMAIL.
    ACCESSIBILITY_FEEDBACK_EMAIL: z.email({ error: "must be an email address" }).optional(),
    // Limits for crowds (ADR 0013). Per person (browser id): posts per window.
    RSVP_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    RSVP_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    // People (not posts) one client address, and one browser, may sign up for one meeting.
    RSVP_MAX_PER_IP_PER_MEETING: z.coerce.number().int().min(1).default(30),
    RSVP_MAX_PER_PERSON_PER_MEETING: z.coerce.number().int().min(1).default(10),
    // Per address: posts of one kind per that kind's window, and new browser ids per 10 minutes.
    ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
    NEW_VISITOR_LIMIT: z.coerce.number().int().min(1).default(30),
    // Questions waiting for moderation from one address, per meeting.
    QUESTION_MAX_PENDING_PER_IP: z.coerce.number().int().min(1).default(30),
    // A meeting's per-address limits are this many times higher while its hall is in session.
    HALL_FACTOR: z.coerce.number().int().min(1).max(100).default(10),
    // Days after a meeting ends when attendees' personal data is erased.
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    // Days before that erasure when organisers are warned of a meeting not archived yet.
    ARCHIVE_WARNING_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
    // Days after the last update about a case when its subscribers' addresses are erased.
    UPDATES_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    QUESTION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    QUESTION_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    SUPPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(100),
    // Open live-update streams (server-sent events): per client address, and in all.
    LIVE_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).default(400),
    LIVE_STREAMS_MAX: z.coerce.number().int().min(1).default(1000),
    MAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).default(30),
    SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(2),
    SMTP_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(5),
    SMTP_TIMEOUT_SECONDS: z.coerce.number().min(1).max(25).default(10),
    DKIM_DOMAIN: z.string().min(1).optional(),
    DKIM_SELECTOR: z.string().min(1).optional(),
    DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    REMINDER_INTERVAL_SECONDS: z.coerce.number().min(1).default(60),
    // Largest request body on organiser pages (uploads); public pages take 64 KB.
    ADMIN_BODY_LIMIT_MB: z.coerce.number().min(0.1).max(100).default(5),
    // Express "trust proxy": how many proxies (or which) may set X-Forwarded-For.
    TRUST_PROXY: z.string().optional(),
    // `npm run bench` only: turns on the /_bench/* baseline routes (404 otherwise).
    BENCH_BASELINES: boolean.default(false),
  })
  .superRefine((env, ctx) => {
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY_FILE];
    if (dkim.some(Boolean) && !dkim.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["DKIM_PRIVATE_KEY_FILE"],
        message:
          "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE go together: set all three or none",
      });
    }
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required when NODE_ENV=production (openssl rand -hex 32)",
      });
    }
  });

export type Env = z.infer<typeof schema> & {
  publicUrl: string;
  /** ACCESSIBILITY_FEEDBACK_EMAIL, or CONTACT_EMAIL when that is unset. */
  accessibilityFeedbackEmail: string;
  databaseFile: string;
  outboxDir: string;
  sessionSecret: string;
  /** Request bodies above these are refused with 413 (body-limit.server.ts). */
  bodyLimits: { publicBytes: number; adminBytes: number };
};

/** Parses the environment; throws one message naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    accessibilityFeedbackEmail: env.ACCESSIBILITY_FEEDBACK_EMAIL ?? env.CONTACT_EMAIL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    databaseFile: path.join(dataDir, "folkemote.sqlite"),
    outboxDir: path.join(dataDir, "outbox"),
    // Development only: a fixed secret is fine when nothing is deployed.
    sessionSecret: env.SESSION_SECRET ?? "folkemote-development-secret-not-for-production",
    // A sign-up form is well under 2 KB; 64 KB leaves room for long texts in any field.
    bodyLimits: {
      publicBytes: 64 * 1024,
      adminBytes: Math.round(env.ADMIN_BODY_LIMIT_MB * 1024 * 1024),
    },
  };
}

/**
 * What a start must say out loud. Outside production a missing SESSION_SECRET is allowed, and
 * the fixed secret then in use is published with the source code.
 */
export function startupWarnings(env: Env): string[] {
  if (env.SESSION_SECRET) return [];
  return [
    `WARNING: SESSION_SECRET is not set, so this server (NODE_ENV=${env.NODE_ENV}) signs ` +
      "organisers' session cookies, encrypts the honeypot's timestamps and keys the hashes " +
      "of client addresses with a development secret that is published in the source code. " +
      "Never let others reach it like this: set SESSION_SECRET (openssl rand -hex 32), and " +
      "NODE_ENV=production for a deployment.",
  ];
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
