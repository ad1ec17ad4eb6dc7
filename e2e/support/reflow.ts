/**
 * Reflow (WCAG 1.4.10): no page a citizen visits may scroll sideways on a 320 px wide phone.
 * The journeys' helpers check every page they land on, and `expectNoAxeViolations` checks every
 * page it is called on (outside the organisers' desk pages).
 */
import { expect, type Page } from "@playwright/test";

/** The narrowest phone screen the pages are made for (WCAG 1.4.10, reflow), in CSS pixels. */
const narrowestScreen = 320;

/**
 * No sideways scrolling on a 320 px wide screen: the page is laid out again at that width (the
 * height kept), the document may be no wider than the viewport, and the viewport goes back to
 * what the test had. A failure names the widest elements that stick out. Soft, like the axe
 * check: the journey goes on and the test reports every page that scrolled.
 */
export async function expectNoSidewaysScroll(page: Page, label?: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: narrowestScreen, height: size?.height ?? 640 });
  try {
    const { scrollWidth, viewportWidth, sticking } = await page.evaluate(() => {
      const viewportWidth = document.documentElement.clientWidth;
      const name = (el: Element) =>
        el.tagName.toLowerCase() +
        (el.id ? `#${el.id}` : "") +
        [...el.classList].map((c) => `.${c}`).join("");
      // Boxes that stick out, and text that runs out of its box (a long word or address).
      const boxes = [...document.body.querySelectorAll("*")].map((el) => ({
        what: name(el),
        right: el.getBoundingClientRect().right,
      }));
      const texts: { what: string; right: number }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const words = (node.textContent ?? "").trim().slice(0, 40);
        if (words) {
          texts.push({
            what: `"${words}" in ${name(node.parentElement!)}`,
            right: range.getBoundingClientRect().right,
          });
        }
      }
      const sticking = [...boxes, ...texts]
        .filter(({ right }) => right > viewportWidth + 0.5)
        .sort((a, b) => b.right - a.right)
        .slice(0, 5)
        .map(({ what, right }) => `${what} (right edge ${Math.round(right)} px)`);
      return { scrollWidth: document.documentElement.scrollWidth, viewportWidth, sticking };
    });
    expect
      .soft(
        { scrollWidth, sticking: scrollWidth > viewportWidth ? sticking : [] },
        `sideways scroll at ${narrowestScreen} px on ${label ?? new URL(page.url()).pathname}`,
      )
      .toEqual({ scrollWidth: viewportWidth, sticking: [] });
  } finally {
    if (size) await page.setViewportSize(size);
  }
}
