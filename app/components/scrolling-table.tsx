import type { ReactNode } from "react";

/**
 * A wide data table that scrolls sideways inside its own region on a narrow screen, so the
 * page itself never does (WCAG 1.4.10 lets data tables scroll in two directions, the page may
 * not). The region is named and focusable, so it can be found and scrolled by keyboard alone
 * (axe: scrollable-region-focusable). Name it by a heading's or caption's id, or by a text.
 */
export function ScrollingTable({
  labelledBy,
  label,
  children,
}: { children: ReactNode } & (
  { labelledBy: string; label?: never } | { label: string; labelledBy?: never }
)) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-labelledby={labelledBy}
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
