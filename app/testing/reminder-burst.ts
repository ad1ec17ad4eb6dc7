// Child process for the reminder race test: runs the reminder scheduler against a shared
// SQLite file at an agreed instant, as a second server process would, and prints how many
// reminders it queued.
import { openDatabase } from "../../db/connection";
import { queueDueReminders } from "../reminders/reminders.server";

const [file, nowIso, startAt, rounds] = process.argv.slice(2);
const db = openDatabase(file!);
const ctx = { db, publicUrl: "http://localhost", mailFrom: "test@example.no" };

while (Date.now() < Number(startAt)) {
  /* spin until the shared start */
}
let queued = 0;
for (let i = 0; i < Number(rounds); i++) queued += queueDueReminders(ctx, new Date(nowIso!));
db.close();
process.stdout.write(JSON.stringify({ queued }));
