/**
 * Citation previews: a citation `[n]` opens its paper's card (CitationPreview.astro) in place.
 * Hover (after a pause) or keyboard focus shows it; a click, a tap or Enter shows it and moves
 * focus into it; Escape, a tap outside or leaving it closes it (the card is an auto popover), and
 * focus that was in the card goes back to the citation. The pointer may move onto the card
 * without closing it (WCAG 1.4.13). Without popover support nothing is wired: the citation stays a
 * link to its reference entry. Kept small: reading pages carry at most 3 kB of script in all.
 */
const cite = (t: EventTarget | null) => (t as Element | null)?.closest?.<HTMLAnchorElement>('.citation a');
const cardOf = (a: HTMLAnchorElement) => document.getElementById(`preview-${a.hash.slice(5)}`);

// Not every browser has popovers yet, whatever the DOM types say.
if ((document.body as Partial<HTMLElement>).showPopover) {
  let open: [HTMLAnchorElement, HTMLElement] | undefined;
  // The citation focus is being returned to: its focus must not reopen the card that just closed.
  let back: HTMLAnchorElement | undefined;
  let timer: ReturnType<typeof setTimeout>;
  const later = (f: () => void, ms = 300) => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };
  const show = (a: HTMLAnchorElement, focus?: boolean) => {
    const card = cardOf(a);
    if (!card) return;
    clearTimeout(timer);
    if (open?.[0] !== a) {
      card.hidePopover();
      card.showPopover({ source: a });
      open = [a, card];
    }
    if (focus) card.focus();
  };
  // A card the reader moved into with focus stays until they leave it or press Escape.
  const hide = () => open?.[1].contains(document.activeElement) || open?.[1].hidePopover();
  // The pointer is still on the citation or its card.
  const held = (t: EventTarget | null) => open?.some((e) => e.contains(t as Node));

  for (const a of document.querySelectorAll<HTMLAnchorElement>('.citation a')) {
    const card = cardOf(a);
    if (!card) continue;
    card.hidden = false;
    a.ariaHasPopup = 'dialog';
  }
  // `beforetoggle` does not bubble: listen in the capture phase.
  document.addEventListener(
    'beforetoggle',
    (e) => {
      if (!open || e.target !== open[1] || (e as ToggleEvent).newState === 'open') return;
      const [a, card] = open;
      open = undefined;
      if (card.contains(document.activeElement)) (back = a).focus();
    },
    true,
  );
  document.addEventListener('click', (e) => {
    const a = cite(e.target);
    if (!a || !cardOf(a)) return;
    e.preventDefault();
    show(a, true);
  });
  // Touch and pen too: a tap's click opens the card at once and moves focus in, which keeps it.
  document.addEventListener('pointerover', (e) => {
    const a = cite(e.target);
    if (a) later(() => show(a));
    else if (held(e.target)) clearTimeout(timer);
  });
  document.addEventListener('pointerout', (e) => {
    if (held(e.target) && !held(e.relatedTarget)) later(hide);
  });
  document.addEventListener('focusin', (e) => {
    const a = cite(e.target);
    if (a === back) back = undefined;
    else if (a?.matches(':focus-visible')) show(a);
    else if (!held(e.target)) hide();
  });
}
