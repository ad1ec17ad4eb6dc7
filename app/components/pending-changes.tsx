import type { Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { describeChangeValue } from "~/meetings/changes";
import { formatDateTime } from "~/platform/dates";

type Change = { id: number; at: string; kind: string; before: string; after: string };

/** The meeting's changes that attendees have not been told about yet, each with its time. */
export function PendingChanges({ changes, id }: { changes: Change[]; id?: string }) {
  const t = useT();
  return (
    <ul id={id}>
      {changes.map((c) => (
        <li key={c.id}>
          {formatDateTime(c.at)}: {changeText(t, c)}
        </li>
      ))}
    </ul>
  );
}

function changeText(t: Translate, c: Change) {
  switch (c.kind) {
    case "time":
      return t("dashboard.change.time", {
        before: describeChangeValue(c.kind, c.before, "nb"),
        after: describeChangeValue(c.kind, c.after, "nb"),
      });
    case "place":
      return t("dashboard.change.place", { before: c.before, after: c.after });
    case "cancelled":
      return t("dashboard.change.cancelled");
    default:
      return t("dashboard.change.restored");
  }
}
