import { resultCard } from '../app/result-card';
import { resultCodeOf, type Session } from '../app/store';
import type { Scenario } from '../engine';
import { cleanName, gameLink, MAX_NAME, replayLink } from '../share';
import { copyButton, fill, h, uid } from './h';
import { resultHelp, RESULT_QR_LABEL } from './strings';

// The player's result, on the ending and in "Hand in now": an optional display name, the result
// code with its QR code and replay link (the teacher's page verifies a code by replaying it),
// and on the ending the spoiler-free result card with a challenge link.

/** The name typed last, kept while the page lives: a second hand-in or the ending starts with it. */
let lastName = '';

export interface ResultOptions {
  /** the spoiler-free card with a link to play the same game (the ending's, not a hand-in's) */
  card: boolean;
}

/** The name field, wired to its help line. */
function nameField() {
  const id = uid('player-name');
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'nickname',
    maxlength: MAX_NAME,
    size: 24,
    value: lastName,
    'aria-describedby': `${id}-help`,
  });
  const el = [
    h('label', { for: id }, 'Your name (optional, shown with your result)'),
    input,
    h(
      'p',
      { class: 'help', id: `${id}-help` },
      `Up to ${MAX_NAME} characters. It travels inside the code.`,
    ),
  ];
  return { input, el };
}

/** A read-only text box with its label and a Copy button. */
function copyBox(id: string, label: string, copyLabel: string) {
  const box = h('input', { id, type: 'text', readOnly: true, class: 'code-text' });
  const el = [h('label', { for: id }, label), box, copyButton(() => box.value, copyLabel, box)];
  return { box, el };
}

/** The spoiler-free result card, with a link to play the same game. */
function cardView(scenario: Scenario, session: Session, base: string): HTMLElement[] {
  const id = uid('result-card');
  const challenge = gameLink(base, {
    scenarioId: session.scenarioId,
    seed: session.seed,
    difficulty: session.difficulty,
    options: session.options,
  });
  const card = `${resultCard(scenario, session)}\nPlay the same game: ${challenge}`;
  const box = h('textarea', { id, class: 'result-card', readOnly: true, rows: 6 }, card);
  return [
    h('h3', null, h('label', { for: id }, 'Your result card')),
    h('p', { class: 'help' }, 'A summary without spoilers, to share with your class.'),
    box,
    copyButton(() => card, 'Copy result card', box),
  ];
}

/** The result block: name, code with its QR code, replay link and (on the ending) the card. */
export function resultView(
  scenario: Scenario,
  session: Session,
  base: string,
  opts: ResultOptions,
): HTMLElement {
  const name = nameField();
  const codeId = uid('result-code');
  const code = copyBox(codeId, 'Result code', 'Copy result code');
  const replay = copyBox(`${codeId}-link`, 'Replay link', 'Copy replay link');
  const qr = h('div', { class: 'result-qr' });
  const refresh = () => {
    lastName = name.input.value;
    const text = resultCodeOf(session, cleanName(name.input.value));
    code.box.value = text;
    replay.box.value = replayLink(base, text);
    // The QR maker is fetched with the first result shown, not with the first screen.
    void import('./qr').then(({ qrSvg }) => {
      if (code.box.value === text) fill(qr, qrSvg(text, 'qr', RESULT_QR_LABEL));
    });
  };
  name.input.addEventListener('input', refresh);
  refresh();
  return h(
    'div',
    { class: 'result-card-block' },
    h('h3', null, 'Your result code'),
    h('p', { class: 'help' }, resultHelp(session.options.classLabel)),
    name.el,
    h(
      'div',
      { class: 'result-code-row' },
      h('div', { class: 'result-code-fields' }, code.el, replay.el),
      h(
        'figure',
        { class: 'result-qr-figure' },
        qr,
        h('figcaption', { class: 'help' }, 'Your teacher can scan this with a laptop camera.'),
      ),
    ),
    opts.card ? cardView(scenario, session, base) : null,
  );
}
