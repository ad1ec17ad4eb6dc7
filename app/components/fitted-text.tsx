import { useLayoutEffect, useRef } from "react";

/**
 * A size class by the text's length, so the projector's text fits its box without
 * JavaScript: each class's size (styles.css, in container units of the box) is small enough
 * for the longest text of its class. With JavaScript, FittedText then finds the largest size
 * that fits this very text.
 */
export function fitClass(text: string): "fit-s" | "fit-m" | "fit-l" | "fit-xl" {
  const length = text.replace(/\s+/g, " ").trim().length;
  if (length <= 60) return "fit-s";
  if (length <= 150) return "fit-m";
  if (length <= 300) return "fit-l";
  return "fit-xl";
}

/**
 * Text that fills its box as far as it fits: a binary search over the font size, again when
 * the box changes size (a window moved to the projector, a full-screen switch).
 */
export function FittedText({
  text,
  id,
  className,
}: {
  text: string;
  id: string;
  className: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const outer = box.current;
    const p = inner.current;
    if (!outer || !p) return;
    const fits = () => p.offsetHeight <= outer.clientHeight && p.scrollWidth <= outer.clientWidth;
    const fit = () => {
      p.style.fontSize = "";
      const css = parseFloat(getComputedStyle(p).fontSize);
      // Never larger than a fifth of the box's height: a short question stays a question.
      let low = 8;
      let high = Math.max(low, Math.min(css * 3, outer.clientHeight / 5));
      for (let i = 0; i < 12; i++) {
        const mid = (low + high) / 2;
        p.style.fontSize = `${mid}px`;
        if (fits()) low = mid;
        else high = mid;
      }
      p.style.fontSize = `${low}px`;
    };
    fit();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(fit);
    observer.observe(outer);
    return () => observer.disconnect();
  }, [text]);
  return (
    <div className="fit-box" ref={box}>
      <p ref={inner} id={id} className={className}>
        {text}
      </p>
    </div>
  );
}
