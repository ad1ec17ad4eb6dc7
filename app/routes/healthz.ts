import { services } from "~/context.server";

export function loader() {
  try {
    services().db.prepare("SELECT 1").get();
    return new Response("ok\n", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}
