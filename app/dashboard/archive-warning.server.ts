/**
 * The archive warning: ARCHIVE_WARNING_DAYS before a meeting's people are erased (RETENTION_DAYS
 * after its end), every active organiser is mailed once if nobody has made its archive package
 * yet (archive.server.ts). Run by the retention job before each erasure pass.
 */
import { href } from "react-router";
import { archiveWarningsDue, recordArchiveWarning } from "../../db/archives";
import { getMeetingById } from "../../db/meetings";
import { queueMail } from "../mail/queue.server";
import { formatDate } from "../platform/dates";
import { absoluteUrl } from "../platform/paths";
import { change, type ServiceContext } from "../platform/service.server";
import { anonymiseAt } from "../registrations/retention.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArchiveWarningPolicy {
  retentionDays: number;
  /** ARCHIVE_WARNING_DAYS: how long before the erasure the organisers are told. */
  warningDays: number;
}

/** Queues the warnings now due; returns how many. */
export function warnUnarchivedMeetings(
  ctx: ServiceContext,
  policy: ArchiveWarningPolicy,
  now = new Date(),
): number {
  const warnFrom = policy.retentionDays - Math.min(policy.warningDays, policy.retentionDays);
  const endedBefore = new Date(now.getTime() - warnFrom * DAY_MS).toISOString();
  const endedAfter = new Date(now.getTime() - policy.retentionDays * DAY_MS).toISOString();
  return change(ctx, () => {
    const due = archiveWarningsDue(ctx.db, endedBefore, endedAfter);
    for (const { meetingId, organiserId, email, name } of due) {
      const meeting = getMeetingById(ctx.db, meetingId)!;
      queueMail(
        ctx.db,
        "archive-warning",
        {
          language: "nb",
          meetingTitle: meeting.title,
          erasureDate: formatDate(anonymiseAt(meeting, policy.retentionDays)),
          dashboardUrl: absoluteUrl(
            ctx.publicUrl,
            href("/admin/meetings/:id", { id: String(meetingId) }),
          ),
        },
        { toAddress: email, toName: name, meetingId, owner: { organiserId }, purpose: "other" },
      );
      recordArchiveWarning(ctx.db, meetingId, organiserId, now.toISOString());
    }
    return due.length;
  });
}
