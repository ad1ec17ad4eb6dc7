/**
 * Where the end-to-end run keeps its state, shared by playwright.config.ts (which starts the
 * servers) and the fixtures (which write meetings into the same database and read the mail).
 * Everything lives under test-results/, which Playwright empties before the servers start.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runDir = path.join(projectRoot, "test-results");

/** The Playwright artefacts (traces, screenshots) go next to, not over, the server state. */
export const outputDir = path.join(runDir, "playwright");

/**
 * Where each worker notes the route of every page axe checked (support/fixtures.ts), for the
 * last check of a whole run (e2e/route-coverage.spec.ts). Inside outputDir, so Playwright
 * empties it when a run starts.
 */
export const axeRoutesDir = path.join(outputDir, "axe-checked-routes");

/**
 * Ports: E2E_PORT_BASE moves all three servers, so two checkouts can run their journeys on one
 * machine at once.
 */
const portBase = Number(process.env.E2E_PORT_BASE ?? 3210);

export const smtpPort = portBase + 5;
export const mailDir = path.join(runDir, "e2e-mail");

/** Server 1: every journey but the rate limit. */
export const appPort = portBase;
export const appUrl = `http://localhost:${appPort}`;
export const dataDir = path.join(runDir, "e2e-data");
export const databaseFile = path.join(dataDir, "folkemote.sqlite");

/**
 * Server 1's accessibility settings (ACCESSIBILITY_STATEMENT_URL, ACCESSIBILITY_FEEDBACK_EMAIL);
 * server 2 has neither, so it shows the defaults.
 */
export const accessibilityStatementUrl =
  "https://uustatus.no/nb/erklaringer/publisert/2f6b7a1e-e2e0-4c1d-9a55-folkemote";
export const accessibilityFeedbackEmail = "uu-tilbakemelding@roros.kommune.no";

/** Server 2: a tight RSVP rate limit, nothing else shares it. */
export const limitedPort = portBase + 1;
export const limitedUrl = `http://localhost:${limitedPort}`;
export const limitedDataDir = path.join(runDir, "e2e-data-limited");
export const limitedRateLimit = 3;

/** The first-run test's own server (e2e/admin-setup.spec.ts): an empty database of its own. */
export const firstRunDataDir = path.join(runDir, "e2e-data-first-run");

/** The demo meeting that SEED_DEMO=true creates on an empty database. */
export const demoSlug = "smahus-gjosvika";

/** The demo-deletion journey's own server (e2e/admin-editor.spec.ts): a fresh install. */
export const freshInstallDataDir = path.join(runDir, "e2e-data-fresh-install");
