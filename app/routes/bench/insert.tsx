// A page route (with a component that renders nothing), not a resource route, so every
// refusal below is the app's normal error page, like any other form's.
import { data, href } from "react-router";
import { redirect } from "~/platform/redirect.server";
import { insertBaselineRow, requireBenchBaselines } from "~/platform/bench.server";
import { readForm } from "~/platform/forms.server";
import type { Route } from "./+types/insert";

export function loader() {
  requireBenchBaselines();
  throw data(null, { status: 405, headers: { Allow: "POST" } });
}

/** Benchmark baseline: read the form, insert one row, redirect, as the sign-up does. */
export async function action({ request }: Route.ActionArgs) {
  requireBenchBaselines();
  const form = await readForm(request);
  const id = insertBaselineRow(String(form.get("name") ?? ""), String(form.get("email") ?? ""));
  return redirect(`${href("/_bench/html/:bytes?")}?row=${id}`);
}

export default function BenchInsert() {
  return null;
}
