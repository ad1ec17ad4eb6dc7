import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";

/**
 * Whether a page keeps itself fresh: "live" while its server-sent events stream is open,
 * "off" before it opens (the server's render, and without JavaScript), and once the browser
 * has given up on it. EventSource reconnects by itself after a stream ends or the network
 * drops, but stops for good on any answer but 200 (a 429 over the server's cap among them), so
 * "off" after "live" means the page is as fresh as its last load and says so.
 */
export type LiveState = "live" | "off";

/**
 * Keeps a page fresh while it is open: the server says "change" over server-sent events from
 * `url` and the page reloads its data through its loader (same access rules as a normal load).
 * A reconnect reloads too: changes may have come while the stream was down.
 */
export function useLiveUpdates(url: string): LiveState {
  const [state, setState] = useState<LiveState>("off");
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  useEffect(() => {
    ref.current = revalidator;
  });
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let opened = false;
    // A burst of changes (a merge, many supports) becomes one reload; one that comes while a
    // reload runs is reloaded after it, not dropped.
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (ref.current.state === "idle") void ref.current.revalidate();
        else reload();
      }, 300);
    };
    source.addEventListener("change", reload);
    source.addEventListener("open", () => {
      if (opened) reload();
      opened = true;
      setState("live");
    });
    source.addEventListener("error", () => {
      // CONNECTING: the browser tries again by itself. CLOSED: it has stopped for good.
      if (source.readyState === EventSource.CLOSED) setState("off");
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [url]);
  return state;
}

/** One line that says how the page stays fresh, true to whether it does. */
export function LiveNote({
  state,
  live,
  off,
  id,
}: {
  state: LiveState;
  live: string;
  off: string;
  id?: string;
}) {
  return (
    <p className="hint live-note" id={id} data-live={state}>
      {state === "live" ? live : off}
    </p>
  );
}
