import type { Translate } from "~/i18n";

export interface CalendarLinks {
  google: string;
  outlook: string;
  office365: string;
}

/**
 * "Add to calendar": the web calendars by link (new tab would surprise keyboard users less
 * than a download, so they open in place), and the .ics file for everything else.
 */
export function AddToCalendar({
  links,
  icsPath,
  icsLabel,
  t,
}: {
  links: CalendarLinks | null;
  icsPath: string;
  icsLabel: string;
  t: Translate;
}) {
  return (
    <nav aria-label={t("calendar.add")} className="add-to-calendar">
      <ul className="inline-list">
        <li>
          <a href={icsPath} download id="calendar-ics">
            {icsLabel}
          </a>
        </li>
        {links ? (
          <>
            <li>
              <a href={links.google} id="calendar-google" rel="noopener noreferrer">
                {t("calendar.google")}
              </a>
            </li>
            <li>
              <a href={links.outlook} id="calendar-outlook" rel="noopener noreferrer">
                {t("calendar.outlook")}
              </a>
            </li>
            <li>
              <a href={links.office365} id="calendar-office365" rel="noopener noreferrer">
                {t("calendar.office365")}
              </a>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}
