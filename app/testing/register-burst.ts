// Child process for the concurrency test: registers a batch of people at one meeting as fast
// as it can, against the same SQLite file as its siblings, and prints the outcomes as JSON.
import { openDatabase } from "../../db/connection";
import { register, RegistrationError } from "../registrations/registrations.server";

const [file, meetingId, prefix, count, startAt] = process.argv.slice(2);
const db = openDatabase(file!);
const ctx = { db, publicUrl: "http://localhost", mailFrom: "test@example.no" };

// Start together: every child waits for the same wall-clock instant.
while (Date.now() < Number(startAt)) {
  /* spin until the shared start */
}

const outcomes: { kind: string; partySize: number }[] = [];
for (let i = 0; i < Number(count); i++) {
  const partySize = 1 + ((i * 7 + prefix!.length) % 3);
  try {
    const outcome = register(ctx, Number(meetingId), {
      name: `${prefix} ${i}`,
      email: `${prefix}-${i}@example.no`,
      partySize,
      needs: { accessibility: false, interpreter: false, other: false, text: "" },
    });
    outcomes.push({ kind: outcome.kind, partySize });
  } catch (error) {
    outcomes.push({
      kind: error instanceof RegistrationError ? error.code : String(error),
      partySize,
    });
  }
}
db.close();
process.stdout.write(JSON.stringify(outcomes));
