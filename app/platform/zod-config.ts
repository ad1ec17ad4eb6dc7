// Imported first by app/root.tsx, so it runs before any form schema is built (route modules
// are evaluated after the root's imports, in the browser too). Zod otherwise compiles object
// parsers with `new Function`, which the Content-Security-Policy forbids: the browser reports
// a violation for the probe alone. The interpreted parsers are fast enough for our forms.
import { z } from "zod";

z.config({ jitless: true });
