/** Small DOM helpers for the scripts of the search and reading-list pages. */

/** An element with an optional class and text, and children appended. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.text !== undefined) el.textContent = props.text;
  el.append(...children);
  return el;
}

/**
 * Lets the browser paint and handle input before the next piece of work. Splitting start-up into
 * short tasks keeps a slow phone responsive while the index loads (Lighthouse's Total Blocking
 * Time counts every task beyond 50 ms).
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
