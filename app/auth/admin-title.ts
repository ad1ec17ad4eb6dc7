import { translator } from "~/i18n";

/** The <title> of an organiser page: the page's own title, then the organisers' app name. */
export function adminTitle(page: string): string {
  return `${page} – ${translator()("admin.title")}`;
}
