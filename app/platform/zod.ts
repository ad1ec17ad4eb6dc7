/**
 * Zod for the form schemas, which run in the browser too (conform validates there). Import `z`
 * from here, not from "zod", so this runs before any schema is built: zod would otherwise
 * compile object parsers with `new Function`, which the Content-Security-Policy forbids, and
 * the browser reports a violation for the probe alone. On the server it keeps its compiled
 * parsers.
 */
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });

export { z };
