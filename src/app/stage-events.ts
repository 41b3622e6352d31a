// What the page asks of the canvas picture, neither importing the other (dom never loads
// Phaser, ui never touches the page's panels): the element the picture is mounted in carries
// the request as a data attribute, and an event on it says that the request changed. The
// picture may start after the request was made, so it reads the attribute when it starts.

/** Fired on the picture's slot when the actor whose "How it decides" it draws changes. */
export const DECIDES_EVENT = 'frozen-assets:decides';

/** The slot's data attribute (dataset key) naming that actor; empty or absent: none. */
export const DECIDES_KEY = 'decides';

/** Asks the picture in `slot` to draw an actor's "How it decides" (null: the table again). */
export function askDecides(slot: HTMLElement, actor: string | null): void {
  if ((slot.dataset[DECIDES_KEY] ?? '') === (actor ?? '')) return;
  if (actor) slot.dataset[DECIDES_KEY] = actor;
  else delete slot.dataset[DECIDES_KEY];
  slot.dispatchEvent(new CustomEvent(DECIDES_EVENT));
}

/** The actor the picture in `slot` is asked to draw, if any. */
export const askedDecides = (slot: HTMLElement): string | null => slot.dataset[DECIDES_KEY] || null;
