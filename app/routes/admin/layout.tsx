import "~/i18n/organiser-texts";
import { Form, href, Link, NavLink, Outlet } from "react-router";
import { requireOrganiser } from "~/auth/guard.server";
import { useT } from "~/i18n/react";
import type { Route } from "./+types/layout";

export async function loader({ request }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  return { organiser: { name: organiser.name, role: organiser.role } };
}

export function headers() {
  return { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { organiser } = loaderData;
  return (
    <div className="admin">
      <nav aria-label={t("admin.nav.label")} className="admin-nav">
        <ul>
          <li>
            <NavLink to={href("/admin")} end>
              {t("admin.nav.meetings")}
            </NavLink>
          </li>
          <li>
            <NavLink to={href("/admin/translations")}>{t("admin.nav.translations")}</NavLink>
          </li>
          {organiser.role === "admin" ? (
            <>
              <li>
                <NavLink to={href("/admin/organisers")}>{t("admin.nav.organisers")}</NavLink>
              </li>
              <li>
                <NavLink to={href("/admin/audit")}>{t("admin.nav.audit")}</NavLink>
              </li>
            </>
          ) : null}
          <li>
            <NavLink to={href("/admin/account")}>{t("admin.nav.account")}</NavLink>
          </li>
          <li>
            <Form method="post" action={href("/admin/logout")}>
              <button type="submit" className="link-button">
                {t("admin.nav.logout")}
              </button>
            </Form>
          </li>
        </ul>
        <p className="hint">
          <Link to={href("/admin/account")}>{t("admin.signedInAs", { name: organiser.name })}</Link>
        </p>
      </nav>
      <Outlet />
    </div>
  );
}
