import { useEffect, useRef } from "react";
import { useLocation, useNavigation } from "react-router";

/**
 * After a client-side navigation to another page, focus goes where a full page load would
 * start a keyboard or screen reader user: the new page's heading (or the element a #fragment
 * names). Without this it stays on the link that was clicked, or falls to the body once that
 * link is gone, and a screen reader says nothing of the new page.
 *
 * Focus is left alone when the new page chose it itself (the error summary after a refused
 * form), on the first load (the browser's own), and when only the query changes (a filter, a
 * "show more"): the person is still on the same page and keeps their place in it.
 */
export function useFocusAfterNavigation() {
  const { pathname, hash, key } = useLocation();
  const navigation = useNavigation();
  const focusedBefore = useRef<Element | null>(null);
  const previous = useRef<{ key: string; pathname: string } | null>(null);

  // What had focus when the navigation began: the link or button that started it.
  const busy = navigation.state !== "idle";
  useEffect(() => {
    if (busy) focusedBefore.current ??= document.activeElement;
  }, [busy]);

  useEffect(() => {
    const last = previous.current;
    previous.current = { key, pathname };
    const before = focusedBefore.current;
    focusedBefore.current = null;
    if (!last || last.key === key || last.pathname === pathname) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== before && active.isConnected) return;
    const target = fragmentTarget(hash) ?? document.querySelector("main h1");
    if (!(target instanceof HTMLElement)) return;
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.tabIndex = -1;
    // Scrolling is the router's (ScrollRestoration): to the top, back where the person was,
    // or to the fragment.
    target.focus({ preventScroll: true });
  }, [key, pathname, hash]);
}

/** The element a #fragment names, if any (a malformed escape names none). */
function fragmentTarget(hash: string): Element | null {
  if (hash.length <= 1) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}
