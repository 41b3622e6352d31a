import type { Session, Store } from '../app/store';
import type { Scenario } from '../engine';
import { h, modal } from './h';
import { resultView } from './result';
import { handInLines } from './strings';

// "Hand in now": at any week of a game, a result code of the game so far (the teacher's page
// shows it as not finished, at its week, verified like any other). The game stays saved and
// goes on; handing in again later gives a new code.

/** The dialog of a hand-in: what the code holds, the game so far, and the result block. */
function handInDialog(scenario: Scenario, session: Session, base: string): HTMLDialogElement {
  const [note, soFar] = handInLines(scenario, session.state);
  return modal(
    'Hand in your game so far',
    'handin',
    h('p', { class: 'handin-note' }, note),
    h('p', null, soFar),
    resultView(scenario, session, base, { card: false }),
    h(
      'form',
      { method: 'dialog', class: 'actions-row' },
      h('button', { type: 'submit', class: 'primary' }, 'Keep playing'),
    ),
  );
}

/** The banner's "Hand in now" button: opens the hand-in of the game on the table. */
export function handInButton(store: Store, base: string): HTMLButtonElement {
  const open = () => {
    const session = store.getState();
    const scenario = store.scenario();
    if (!session || !scenario) return;
    const dialog = handInDialog(scenario, session, base);
    document.body.appendChild(dialog);
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (button.isConnected) button.focus();
    });
    dialog.showModal();
  };
  const button = h(
    'button',
    { type: 'button', class: 'secondary on-dark', 'aria-haspopup': 'dialog', onClick: open },
    'Hand in now',
  );
  return button;
}
