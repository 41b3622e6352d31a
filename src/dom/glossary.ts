import { glossary } from '../scenarios';
import { h, modal } from './h';

// The glossary: one click (the banner button) or one key ("g") away from anywhere.

const typing = (el: Element | null) =>
  !!el &&
  (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || (el as HTMLElement).isContentEditable);

export function glossaryControl(): { button: HTMLElement; dialog: HTMLDialogElement } {
  const dialog = modal(
    'Glossary',
    'glossary',
    h(
      'dl',
      null,
      glossary.map((g) => [h('dt', null, g.term), h('dd', null, g.text)]),
    ),
  );
  const open = () => {
    if (!dialog.open) dialog.showModal();
  };
  const button = h(
    'button',
    { type: 'button', class: 'secondary on-dark', 'aria-keyshortcuts': 'g', onClick: open },
    'Glossary',
    h('span', { class: 'vh' }, ' (shortcut: g)'),
  );
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'g' || e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement))
      return;
    e.preventDefault();
    open();
  });
  return { button, dialog };
}
