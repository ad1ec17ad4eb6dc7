/**
 * The composition root: the one module that knows every domain and starts the running app's
 * services once: the database, the mail worker (handed the reminders' "withhold this message?"
 * check), reminders, retention, the first-run setup link and the demo meeting. Routes reach the
 * result through services() in platform/context.server.ts; the custom server (server.js) starts
 * and stops it through entry.server.tsx. See "Architecture" in the README for the folders' order.
 */
import fs from "node:fs";
import type { DB } from "../db/connection";
import { openDatabase } from "../db/connection";
import { shownDataReader } from "../db/shown-data";
import { refreshImportedCatalogues } from "./translations/catalogue-file.server";
import { createMailer, type Mailer } from "../emails/transport";
import { ensureSetupLink } from "./auth/setup.server";
import { seedDemoMeeting } from "./meetings/demo.server";
import { setFreshnessSource } from "./platform/conditional-get.server";
import { env, startupWarnings, type Env } from "./platform/env.server";
import { createMailWorker, type MailWorker } from "./mail/worker.server";
import { fillFreeSeats } from "./registrations/registrations.server";
import { startRetentionJob, type RetentionJob } from "./registrations/retention.server";
import { warnUnarchivedMeetings } from "./dashboard/archive-warning.server";
import type { ServiceContext } from "./platform/service.server";
import { serverTurns } from "./platform/turns.server";
import {
  createReminderScheduler,
  withholdStaleReminders,
  type ReminderScheduler,
} from "./reminders/reminders.server";
import {
  forgetServices,
  provideServices,
  services,
  type RunningApp,
} from "./platform/context.server";

export interface AppServices {
  env: Env;
  db: DB;
  mailer: Mailer;
  worker: MailWorker;
  reminders: ReminderScheduler;
  retention: RetentionJob;
  service: ServiceContext;
}

// Held on globalThis so dev-server reloads reuse one database handle and one worker.
const holder = globalThis as typeof globalThis & { __folkemoteServices?: AppServices };

function start(): AppServices {
  const config = env();
  for (const warning of startupWarnings(config)) console.warn(warning);
  const db = openDatabase(config.databaseFile);
  if (config.SEED_DEMO && seedDemoMeeting(db)) console.log("Created the demo meeting.");
  ensureSetupLink(db, config.publicUrl);
  refreshImportedCatalogues(db);
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    outboxDir: config.outboxDir,
    from: config.MAIL_FROM,
    maxConnections: config.SMTP_MAX_CONNECTIONS,
    maxMessagesPerSecond: config.SMTP_MAX_MESSAGES_PER_SECOND,
    timeoutMs: config.SMTP_TIMEOUT_SECONDS * 1000,
    dkim:
      config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY_FILE
        ? {
            domainName: config.DKIM_DOMAIN,
            keySelector: config.DKIM_SELECTOR,
            privateKey: fs.readFileSync(config.DKIM_PRIVATE_KEY_FILE, "utf8"),
          }
        : undefined,
  });
  const worker = createMailWorker({
    db,
    mailer,
    retryBaseMs: config.MAIL_RETRY_BASE_SECONDS * 1000,
    concurrency: config.SMTP_URL ? config.SMTP_MAX_CONNECTIONS : 1,
    withhold: withholdStaleReminders(db),
    takeTurn: serverTurns.spread,
  });
  worker.start();
  // Moves on every write, by any process, to a table a shared page reads (db/shown-data.ts).
  const shownData = shownDataReader(db);
  setFreshnessSource({ dataVersion: () => String(shownData()) });
  const service: ServiceContext = {
    db,
    publicUrl: config.publicUrl,
    mailFrom: config.MAIL_FROM,
    retentionDays: config.RETENTION_DAYS,
    onMailQueued: () => worker.kick(),
    fillFreeSeats,
  };
  const retention = startRetentionJob(
    db,
    {
      retentionDays: config.RETENTION_DAYS,
      updatesRetentionDays: config.UPDATES_RETENTION_DAYS,
      outboxDir: config.outboxDir,
    },
    {
      beforeErasure: () =>
        warnUnarchivedMeetings(service, {
          retentionDays: config.RETENTION_DAYS,
          warningDays: config.ARCHIVE_WARNING_DAYS,
        }),
    },
  );
  const reminders = createReminderScheduler(service, {
    intervalMs: config.REMINDER_INTERVAL_SECONDS * 1000,
  });
  reminders.start();
  holder.__folkemoteServices = { env: config, db, mailer, worker, reminders, retention, service };
  return holder.__folkemoteServices;
}

provideServices(start);

/** Starts the app's services now (the server does so before it listens). */
export function startServices(): RunningApp {
  return services();
}

/**
 * First step of a shutdown, run while HTTP requests drain: no new reminders, no new mail
 * started; sends in progress finish or hit the SMTP timeout. Mail queued meanwhile stays in the
 * outbox for the next start.
 */
export async function stopBackgroundWork(): Promise<void> {
  const running = holder.__folkemoteServices;
  if (!running) return;
  running.reminders.stop();
  await running.worker.stop();
}

/** Graceful shutdown: let a send in progress finish, then close the database. */
export async function shutdown(): Promise<void> {
  const running = holder.__folkemoteServices;
  if (!running) return;
  holder.__folkemoteServices = undefined;
  forgetServices();
  running.reminders.stop();
  running.retention.stop();
  await running.worker.stop();
  running.mailer.close();
  running.db.close();
}
