import "~/i18n/organiser-texts";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, href, useSearchParams } from "react-router";
import { localPath, redirect } from "~/platform/redirect.server";
import { clientIp } from "~/platform/client-ip.server";
import { ErrorSummary } from "~/components/error-summary";
import { formErrors, TextField } from "~/components/fields";
import { assertSameOrigin } from "~/auth/csrf.server";
import { getOrganiser, createSession } from "~/auth/session.server";
import { services } from "~/platform/context.server";
import { replyWithRefusal, unreadForm } from "~/platform/refusal.server";
import { readForm } from "~/platform/forms.server";
import { loginSchema } from "~/auth/forms";
import { translator } from "~/i18n";
import { useT } from "~/i18n/react";
import { login, loginRefusalBeforeForm } from "~/auth/organisers.server";
import type { Route } from "./+types/login";

export function meta() {
  return [
    { title: `${translator()("login.title")} – ${translator()("site.name")}` },
    { name: "robots", content: "noindex" },
  ];
}

/** Lets the action's Retry-After (throttled, busy) reach the client. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

/** Where the login page was sent from: a path on this site, or the organisers' front page. */
const returnTo = (value: unknown) => localPath(value, href("/admin"));

export async function loader({ request }: Route.LoaderArgs) {
  const { db } = services();
  if (await getOrganiser(db, request)) {
    throw redirect(returnTo(new URL(request.url).searchParams.get("redirectTo")));
  }
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, env } = services();
  assertSameOrigin(request, env.publicUrl);
  const ip = clientIp(context);
  // Before the body is read: a blocked address costs no parsing.
  const early = loginRefusalBeforeForm(db, ip);
  if (early) return replyWithRefusal(unreadForm, early);
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  let organiser;
  try {
    organiser = await login(db, email, password, ip);
  } catch (error) {
    return replyWithRefusal(submission, error, { hideFields: ["password"] });
  }
  const cookie = await createSession(db, organiser.id, { replacing: request });
  return redirect(returnTo(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(loginSchema),
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      {params.has("loggedOut") ? (
        <p className="notice notice-success" role="status">
          {t("login.loggedOut")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={formErrors(form)} t={t} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? href("/admin")} />
        <TextField
          field={fields.email}
          label={t("login.email")}
          type="email"
          autoComplete="username"
          t={t}
        />
        <TextField
          field={fields.password}
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
          t={t}
        />
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
    </div>
  );
}
