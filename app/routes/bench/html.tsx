import { fillerParagraphs, requireBenchBaselines } from "~/platform/bench.server";
import type { Route } from "./+types/html";

/**
 * Benchmark baseline: the root layout plus `/_bench/html/N`'s N characters of text, nothing
 * else. The size is in the path, not a query, so the page is kept and answered early as the
 * meeting page is (a page at an address with a query never is: isKeptUrl).
 */
export function loader({ params }: Route.LoaderArgs) {
  requireBenchBaselines();
  const bytes = Number(params.bytes ?? 0);
  return { paragraphs: fillerParagraphs(Number.isFinite(bytes) ? bytes : 0) };
}

export default function BenchHtml({ loaderData }: Route.ComponentProps) {
  return (
    <article>
      <h1>Baseline</h1>
      {loaderData.paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </article>
  );
}

/** Closed like the rest of /_bench/ when the baselines are off; otherwise a page without a form. */
export function action() {
  requireBenchBaselines();
  return new Response("GET only\n", { status: 405, headers: { Allow: "GET" } });
}
