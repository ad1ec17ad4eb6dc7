import { eventLoopDelay, requireBenchBaselines } from "~/platform/bench.server";
import type { Route } from "./+types/loop";

/** Benchmark probe: the server's event-loop delay since the last call (then reset), as JSON. */
export function loader() {
  requireBenchBaselines();
  return eventLoopDelay();
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function BenchLoop({ loaderData }: Route.ComponentProps) {
  return (
    <article>
      <h1>Event loop</h1>
      <pre id="loop">{JSON.stringify(loaderData)}</pre>
    </article>
  );
}

/** Closed like the rest of /_bench/ when the baselines are off; otherwise GET only. */
export function action() {
  requireBenchBaselines();
  return new Response("GET only\n", { status: 405, headers: { Allow: "GET" } });
}
