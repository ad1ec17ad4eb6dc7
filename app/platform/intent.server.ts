/**
 * Organisers' intent forms: a page with many small forms, each button posting an `intent` and
 * the few fields it needs (which registration, how many people). An action reads them with
 * readIntent() and one zod schema per page (a discriminated union on `intent`), and does its work
 * inside answerIntent(), so every such page refuses the same way: an unknown intent or a
 * malformed id is a 400 "error.intent.unknown", a field whose schema names a message (a text
 * too long) is a 400 with that message at that field, and a Refusal from a service becomes
 * `{ error }` with its status, which the page shows with ActionError.
 */
import { data } from "react-router";
import { isMessage } from "../i18n";
import { Refusal, refusalInit } from "./refusal.server";
import { z } from "./zod";

/** The intent and its fields, as the schema reads them; a Refusal 400 when they do not fit. */
export function readIntent<S extends z.ZodType>(formData: FormData, schema: S): z.output<S> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    fields[key] = values.length === 1 ? values[0]! : values;
  }
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  // A field whose schema names a message (a text too long) says so, at that field; anything
  // else (an unknown intent, an id that is not one) is the same refusal for every page.
  const issue = parsed.error.issues.find(
    (i) => i.path.length > 0 && i.path[0] !== "intent" && isMessage(i.message),
  );
  if (issue) throw new Refusal(issue.message, { field: String(issue.path[0]) });
  throw new Refusal("error.intent.unknown");
}

/** The work of an intent form; a Refusal thrown by it (or by readIntent) becomes its answer. */
export async function answerIntent<T>(work: () => T | Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return data({ error: error.message, field: error.field }, refusalInit(error));
  }
}

/** A row's id as a form posts it. */
export const idField = z.coerce.number().int().positive();

/** One or more ids posted under one name (checkboxes); none is an empty list. */
export const idList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(idField),
);
