import { useState } from "react";
import { useLocation } from "react-router";

export type SteadyItem<T> = T & { gone: boolean };

/**
 * A list that live updates may refresh but never rearrange under the reader's hand: items
 * already shown update in place, and an item that left the list (someone else handled it)
 * stays where it was, marked `gone`; new items wait in `fresh` until `showFresh()` puts them
 * in. A navigation (a filter, an action's redirect) takes the list as it is, so the reader's
 * own changes show at once.
 */
export function useSteadyList<T extends { id: number }>(items: T[]) {
  const { key } = useLocation();
  const [view, setView] = useState(() => snapshot(key, items));
  // Derived from the location: reset during render, not in an effect, so the list never
  // shows one frame of the old view after a navigation.
  const current = view.key === key ? view : snapshot(key, items);
  if (current !== view) setView(current);

  const byId = new Map(items.map((item) => [item.id, item]));
  const shown: SteadyItem<T>[] = current.order.map((id) => {
    const now = byId.get(id);
    return now ? { ...now, gone: false } : { ...current.items.get(id)!, gone: true };
  });
  const known = new Set(current.order);
  const fresh = items.filter((item) => !known.has(item.id));
  return {
    shown,
    fresh,
    /** Takes the list as it is now; returns the ids that were waiting. */
    showFresh: () => {
      setView(snapshot(key, items));
      return fresh.map((item) => item.id);
    },
  };
}

function snapshot<T extends { id: number }>(key: string, items: T[]) {
  return {
    key,
    order: items.map((item) => item.id),
    items: new Map(items.map((item) => [item.id, item])),
  };
}
