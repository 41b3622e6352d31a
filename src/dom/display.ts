import { readDisplay, writeDisplay, type Display } from '../app/display';
import type { StorageLike } from '../app/store';
import { h, modal, uid } from './h';

// The "Display" dialog: high contrast, projector text size, reduced motion. Applied as classes on
// the root element so the CSS (and the canvas, through onChange) follow at once.

export function applyDisplay(d: Display): void {
  const root = document.documentElement;
  root.classList.toggle('high-contrast', d.highContrast);
  root.classList.toggle('projector', d.projector);
  root.classList.toggle('reduced-motion', d.reducedMotion);
}

export function displayControl(
  storage: StorageLike | null,
  onChange: (d: Display) => void = () => {},
): { button: HTMLElement; dialog: HTMLDialogElement; current(): Display } {
  const system = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  let display = readDisplay(storage, system);
  applyDisplay(display);

  const option = (key: keyof Display, label: string, help: string) => {
    const id = uid(key);
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: display[key],
      onChange: () => {
        display = { ...display, [key]: box.checked };
        applyDisplay(display);
        writeDisplay(storage, display);
        onChange(display);
      },
    });
    return h(
      'div',
      { class: 'check' },
      box,
      h('label', { for: id }, label),
      h('p', { class: 'help' }, help),
    );
  };

  const dialog = modal(
    'Display',
    '',
    option('highContrast', 'High contrast', 'Black background, bright text and thicker lines.'),
    option('projector', 'Projector (larger text)', 'Bigger text for a class watching one screen.'),
    option('reducedMotion', 'Reduce motion', 'Changes appear at once instead of being animated.'),
  );
  const button = h(
    'button',
    { type: 'button', class: 'secondary on-dark', onClick: () => dialog.showModal() },
    'Display',
  );
  return { button, dialog, current: () => display };
}
