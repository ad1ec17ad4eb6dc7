/**
 * End-to-end tests against the built app (`npm run build` first). Three servers start:
 * an SMTP sink that stores every mail as a file (E2E_PORT_BASE + 5), the app on E2E_PORT_BASE
 * (default 3210) sending mail to the sink (with the demo meeting; tests add their own meetings
 * to its SQLite file), and a second app on E2E_PORT_BASE + 1 with tight sign-up and question
 * rate limits. Each app gets an empty data folder per run (e2e/support/paths.ts).
 */
import { defineConfig, devices } from "@playwright/test";
import { serverStartLine } from "./app/testing/start-command";
import {
  accessibilityFeedbackEmail,
  accessibilityStatementUrl,
  appPort,
  appUrl,
  dataDir,
  limitedDataDir,
  limitedPort,
  limitedRateLimit,
  limitedUrl,
  mailDir,
  outputDir,
  smtpPort,
} from "./e2e/support/paths";

const appEnv = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  SESSION_SECRET: "e2e-session-secret-that-is-at-least-32-characters",
  MAIL_FROM: "Røros kommune <postmottak@roros.kommune.no>",
  MAIL_RETRY_BASE_SECONDS: "0.5",
  SEED_DEMO: "true",
  RSVP_RATE_WINDOW_SECONDS: "600",
  // Every journey comes from 127.0.0.1, each browser context a new person: the per-address
  // limits are tested against the built server (resilience/hall-crowd.test.ts).
  RSVP_MAX_PER_IP_PER_MEETING: "1000",
  RSVP_MAX_PER_PERSON_PER_MEETING: "1000",
  ADDRESS_RATE_LIMIT: "100000",
  NEW_VISITOR_LIMIT: "100000",
  QUESTION_MAX_PENDING_PER_IP: "100000",
};

// Debian's Chromium: Playwright cannot download its own browser build here.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  outputDir,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Two browsers and three servers share two cores: generous, but still bounded.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: appUrl,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: "route-coverage.spec.ts",
    },
    {
      // After every journey: was each page route checked by axe? (e2e/route-coverage.spec.ts)
      name: "route-coverage",
      testMatch: "route-coverage.spec.ts",
      dependencies: ["chromium"],
    },
  ],
  webServer: [
    {
      name: "smtp-sink",
      // tsx as a loader: one process (npx would add a wrapper process and a second of start-up).
      command: "node --import tsx e2e/support/smtp-sink.ts",
      port: smtpPort,
      env: { MAIL_DIR: mailDir, SMTP_PORT: String(smtpPort) },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "app",
      command: `rm -rf "${dataDir}" && ${serverStartLine()}`,
      url: `http://127.0.0.1:${appPort}/healthz`,
      env: {
        ...appEnv,
        PORT: String(appPort),
        DATA_DIR: dataDir,
        PUBLIC_URL: appUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
        RSVP_RATE_LIMIT: "1000",
        QUESTION_RATE_LIMIT: "1000",
        SUPPORT_RATE_LIMIT: "1000",
        // The scheduler's round (reminders, the stream link, the recording) every 2 s, so the
        // journeys see scheduled mail without waiting the default minute.
        REMINDER_INTERVAL_SECONDS: "2",
        ACCESSIBILITY_STATEMENT_URL: accessibilityStatementUrl,
        ACCESSIBILITY_FEEDBACK_EMAIL: accessibilityFeedbackEmail,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "app-rate-limited",
      command: `rm -rf "${limitedDataDir}" && ${serverStartLine()}`,
      url: `http://127.0.0.1:${limitedPort}/healthz`,
      env: {
        ...appEnv,
        PORT: String(limitedPort),
        DATA_DIR: limitedDataDir,
        PUBLIC_URL: limitedUrl,
        // No SMTP_URL: this instance's mail goes to files in its own data folder.
        // Per person (one browser context): the rate-limit journeys.
        RSVP_RATE_LIMIT: String(limitedRateLimit),
        QUESTION_RATE_LIMIT: String(limitedRateLimit),
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
