import type { FieldMetadata } from "@conform-to/react";
import type { Translate } from "~/i18n";
import { RadioGroupField } from "./fields";

/**
 * "I salen eller digitalt?", for a meeting held both ways (ADR 0016). A full hall says so and
 * offers online instead; the hall's choice is then its waitlist, never a seat.
 */
export function AttendanceChoice({
  field,
  hallFull,
  onlineFull,
  revealMinutes,
  t,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the sign-up and change forms
  field: FieldMetadata<"hall" | "online" | undefined, any, string[]>;
  hallFull: boolean;
  onlineFull: boolean;
  revealMinutes: number;
  t: Translate;
}) {
  return (
    <RadioGroupField
      field={field}
      legend={t("attendance.question")}
      hint={hallFull && !onlineFull ? t("attendance.hallFullOffer") : undefined}
      options={[
        { value: "hall", label: hallFull ? t("attendance.hallWaitlist") : t("attendance.hall") },
        {
          value: "online",
          label: onlineFull
            ? t("attendance.onlineWaitlist")
            : t("attendance.online", { minutes: revealMinutes }),
        },
      ]}
      t={t}
    />
  );
}

/** The choice a form starts with: the hall while it has room, else online while that has. */
export function defaultAttendance(hallFull: boolean, onlineFull: boolean): "hall" | "online" {
  return hallFull && !onlineFull ? "online" : "hall";
}
