import { redirect } from "react-router";
import { insertBaselineRow, requireBenchBaselines } from "~/platform/bench.server";
import { readForm } from "~/platform/forms.server";
import type { Route } from "./+types/insert";

export function loader() {
  requireBenchBaselines();
  return new Response("POST only\n", { status: 405, headers: { Allow: "POST" } });
}

/** Benchmark baseline: read the form, insert one row, redirect, as the sign-up does. */
export async function action({ request }: Route.ActionArgs) {
  requireBenchBaselines();
  const form = await readForm(request);
  const id = insertBaselineRow(String(form.get("name") ?? ""), String(form.get("email") ?? ""));
  return redirect(`/_bench/html?row=${id}`);
}
