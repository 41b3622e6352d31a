// Plain DOM helpers. Text always goes in as text nodes (never innerHTML), so game and player text
// can never inject markup or scripts.

export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

/** Properties set as DOM properties (state), everything else becomes an attribute. */
const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'open', 'tabIndex']);

function append(parent: Node, child: Child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

function applyProps(el: Element, props: Props | null | undefined) {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (value === false) {
      if (PROPS.has(key)) (el as unknown as Record<string, unknown>)[key] = false;
      continue;
    }
    if (typeof value === 'function') {
      el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    } else if (key === 'class') {
      el.setAttribute('class', String(value));
    } else if (PROPS.has(key)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** h('button', { class: 'x', onClick }, 'text', child) */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements. */
export function svg(tag: string, props?: Props | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  applyProps(el, props);
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * The same for parts rebuilt on every move, which mostly come out as they were: those are left
 * alone, and an unchanged part needs no style or layout work (a week end laid out 305-337 of the
 * table screen's ~870 boxes again; 120-185 with refill and setText). Only for children without
 * listeners: when nothing changed the old nodes stay, with their old listeners.
 */
export function refill(el: Element, ...children: Child[]): void {
  const next = document.createDocumentFragment();
  append(next, children);
  const old = el.childNodes;
  const fresh = next.childNodes;
  if (old.length === fresh.length && [...old].every((n, i) => n.isEqualNode(fresh[i]!))) return;
  el.replaceChildren(next);
}

/** Sets an element's text, unless it already reads so (the same reason as refill). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

let nextId = 0;
/** A page-unique id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A modal dialog titled `title`, with its Close button at the top (focus lands there first). */
export function modal(title: string, className: string, ...body: Child[]): HTMLDialogElement {
  const titleId = uid('dialog-title');
  return h(
    'dialog',
    { class: `dialog ${className}`.trim(), 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: titleId }, title),
      h('form', { method: 'dialog' }, h('button', { type: 'submit' }, 'Close')),
    ),
    ...body,
  );
}

/**
 * Asks a question in a modal dialog with two answers, the first one primary, and resolves with
 * the answer's value ('' when closed without one). The dialog is removed once answered.
 */
export function ask(
  title: string,
  body: Child[],
  answers: [{ value: string; label: string }, { value: string; label: string }],
): Promise<string> {
  const [first, second] = answers;
  const dialog = modal(
    title,
    'confirm',
    ...body,
    h(
      'form',
      { method: 'dialog', class: 'actions-row' },
      h('button', { type: 'submit', value: first.value, class: 'primary' }, first.label),
      h('button', { type: 'submit', value: second.value, class: 'secondary' }, second.label),
    ),
  );
  document.body.appendChild(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue);
    });
    dialog.showModal();
  });
}

/**
 * A button that copies text, with a status line beside it. Where the browser blocks the
 * clipboard, `fallback` (a text field holding the text) is selected for the player to copy.
 */
export function copyButton(
  text: () => string,
  label: string,
  fallback?: HTMLInputElement | HTMLTextAreaElement,
  copied = 'Copied.',
): HTMLElement {
  const status = h('span', { class: 'help copy-status', role: 'status' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      status.textContent = copied;
    } catch {
      if (fallback) {
        fallback.focus();
        fallback.select();
      }
      status.textContent = fallback
        ? 'Copying is blocked here: the text is selected, press Ctrl+C (or Cmd+C).'
        : 'Copying is blocked here: select the text and press Ctrl+C (or Cmd+C).';
    }
  };
  return h(
    'span',
    { class: 'copy' },
    h('button', { type: 'button', class: 'secondary', onClick: () => void copy() }, label),
    status,
  );
}
