import { DIFFICULTIES, type Difficulty } from '../engine';
import {
  getScenario,
  isPlainVariant,
  normaliseVariant,
  tunablesOf,
  type Tunable,
  type TuneKey,
  type Variant,
} from '../scenarios';
import { fill, h, uid } from '../dom/h';
import { capitalise } from '../dom/strings';
import {
  addUp,
  createWinRateRunner,
  jobsFor,
  knownFigures,
  percent,
  PLAYER_TEXT,
  PLAYERS,
  rememberFigures,
  versionKey,
  WINRATE_GAMES,
  type WinCount,
  type WinFigures,
  type WinRateRunner,
} from './winrates';

// The "Tune the scenario" part of the class set-up: one number field per tunable value of the
// chosen scenario (its range and step from tunablesOf, the designed value beside it), a button
// back to the designed values, and a check of the tuned version's win rates, played by the
// balance harness in workers and shown beside the designed scenario's.

export interface TuneOptions {
  scenarioId: string;
  variant: Variant;
  difficulty: Difficulty;
  /** a valid, canonical variant after every change */
  onChange(variant: Variant): void;
  /** a performance.now-like clock for the time the check took */
  now(): number;
}

export interface TuneView {
  el: HTMLElement;
  /** Shows another scenario (its own tunables, all at the designed values). */
  setScenario(scenarioId: string): void;
  /** Marks the class's difficulty in the win-rate table. */
  setDifficulty(difficulty: Difficulty): void;
  destroy(): void;
}

interface Field {
  t: Tunable;
  input: HTMLInputElement;
  now: HTMLElement;
  error: HTMLElement;
  box: HTMLElement;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A whole number in the tunable's range, or why the text is not one. */
export function readTuned(t: Tunable, text: string): { ok: true; value: number } | { ok: false } {
  const s = text.trim();
  if (!/^-?\d{1,5}$/u.test(s)) return { ok: false };
  const value = Number(s);
  return value >= t.min && value <= t.max ? { ok: true, value } : { ok: false };
}

export function tuneView(opts: TuneOptions): TuneView {
  let scenarioId = opts.scenarioId;
  let variant: Variant = opts.variant;
  let difficulty = opts.difficulty;
  let fields: Field[] = [];
  let runner: WinRateRunner | null = null;
  let run = 0;
  /** the version whose figures the table shows, and the figures */
  let shown: { key: string; tuned: WinFigures; designed: WinFigures; plain: boolean } | null = null;

  const summaryNote = h('span', { class: 'tune-count' });
  const fieldBox = h('div', { class: 'tune-fields' });
  const resetStatus = h('p', { class: 'help', role: 'status' });
  const resetButton = h(
    'button',
    { type: 'button', class: 'secondary', onClick: () => reset() },
    'Back to the designed values',
  );

  // ---- win rates
  const checkButton = h(
    'button',
    { type: 'button', class: 'primary', onClick: () => void check() },
    'Check win rates',
  );
  const progress = h('progress', {
    class: 'check-progress winrate-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': 'Progress of the win-rate check',
  });
  const status = h('p', {
    class: 'winrate-status',
    role: 'status',
    'aria-live': 'polite',
  });
  const tableSlot = h('div', { class: 'winrate-slot' });

  const changedCount = () => Object.keys(variant).length;

  const renderSummary = () => {
    const n = changedCount();
    summaryNote.textContent = n === 0 ? ' · as designed' : ` · ${plural(n, 'value')} changed`;
  };

  const showValue = (f: Field) => {
    const value = variant[f.t.key] ?? f.t.base;
    const changed = value !== f.t.base;
    f.now.textContent = f.t.show(value);
    f.now.classList.toggle('changed', changed);
    f.box.classList.toggle('changed', changed);
  };

  const setValue = (key: TuneKey, value: number) => {
    const scenario = getScenario(scenarioId)!;
    variant = normaliseVariant(scenario, { ...variant, [key]: value });
    opts.onChange(variant);
    renderSummary();
    renderTable();
  };

  const buildFields = () => {
    const scenario = getScenario(scenarioId)!;
    fields = tunablesOf(scenario).map((t) => {
      const id = uid(`tune-${t.key}`);
      const now = h('span', { id: uid(`tune-${t.key}-now`), class: 'tune-value' });
      const designed = h(
        'p',
        { id: uid(`tune-${t.key}-designed`), class: 'tune-designed' },
        `Designed: ${t.show(t.base)}.`,
      );
      const help = h('p', { id: uid(`tune-${t.key}-help`), class: 'help' }, t.help);
      const error = h('p', { id: uid(`tune-${t.key}-error`), class: 'error', role: 'alert' });
      const input = h('input', {
        id,
        type: 'number',
        inputmode: 'numeric',
        min: t.min,
        max: t.max,
        step: t.step,
        value: String(variant[t.key] ?? t.base),
        'aria-describedby': `${now.id} ${designed.id} ${help.id} ${error.id}`,
      });
      const box = h(
        'div',
        { class: 'field tune-field' },
        h('label', { for: id }, t.label),
        h('div', { class: 'inline' }, input, now),
        designed,
        help,
        error,
      );
      const f: Field = { t, input, now, error, box };
      input.addEventListener('input', () => {
        const r = readTuned(t, input.value);
        if (!r.ok) {
          const kept = t.show(variant[t.key] ?? t.base);
          error.textContent = `Type a whole number from ${t.min} to ${t.max}. The class link still uses ${kept}.`;
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        error.textContent = '';
        input.removeAttribute('aria-invalid');
        if (r.value !== (variant[t.key] ?? t.base)) setValue(t.key, r.value);
        showValue(f);
      });
      showValue(f);
      return f;
    });
    fieldBox.replaceChildren(...fields.map((f) => f.box));
    renderSummary();
  };

  const reset = () => {
    variant = {};
    for (const f of fields) {
      f.input.value = String(f.t.base);
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
      showValue(f);
    }
    opts.onChange(variant);
    renderSummary();
    renderTable();
    resetStatus.textContent = 'Every value is back to the designed one.';
  };

  // ---- the table

  const cellText = (c: WinCount) => {
    const p = percent(c);
    return p === null ? '–' : `${p}%`;
  };

  const renderTable = () => {
    const key = versionKey(scenarioId, variant);
    // Figures already worked out for this version (the teacher came back to it) are shown.
    if (!shown || shown.key !== key) {
      const tuned = knownFigures(scenarioId, variant);
      const designed = knownFigures(scenarioId, {});
      if (tuned && designed) shown = { key, tuned, designed, plain: isPlainVariant(variant) };
    }
    if (!shown) {
      tableSlot.replaceChildren();
      return;
    }
    const stale = shown.key !== key;
    const plain = shown.plain;
    const versions = plain ? ['As designed'] : ['This version', 'As designed'];
    const figures = plain ? [shown.designed] : [shown.tuned, shown.designed];
    const problems = new Set<string>();
    for (const f of figures)
      for (const d of DIFFICULTIES)
        for (const p of PLAYERS) {
          const c = f[d][p];
          if ('error' in c) problems.add(c.error);
        }
    fill(
      tableSlot,
      stale
        ? h(
            'p',
            { class: 'notice stale-note' },
            h('strong', null, 'Out of date: '),
            'these figures are for the values before your last change. Press “Check win rates” for the version you have now.',
          )
        : null,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: stale ? 'winrates stale' : 'winrates' },
          h(
            'caption',
            null,
            `Games won, in percent, of ${WINRATE_GAMES} test games each`,
            plain ? ': the scenario as designed' : '',
            stale ? ' (out of date)' : '',
          ),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col', rowspan: plain ? 1 : 2 }, 'Difficulty'),
              PLAYERS.map((p) =>
                h(
                  'th',
                  { scope: 'colgroup', colspan: versions.length, class: 'group' },
                  PLAYER_TEXT[p],
                ),
              ),
            ),
            plain
              ? null
              : h(
                  'tr',
                  null,
                  PLAYERS.map(() =>
                    versions.map((v, i) =>
                      h('th', { scope: 'col', class: i ? 'num designed' : 'num' }, v),
                    ),
                  ),
                ),
          ),
          h(
            'tbody',
            null,
            DIFFICULTIES.map((d) =>
              h(
                'tr',
                { class: d === difficulty ? 'class-difficulty' : null },
                h(
                  'th',
                  { scope: 'row' },
                  capitalise(d),
                  d === difficulty ? h('span', { class: 'mine' }, ' (your class)') : null,
                ),
                PLAYERS.map((p) =>
                  figures.map((f, i) =>
                    h('td', { class: i ? 'designed' : null }, cellText(f[d][p])),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      problems.size ? h('p', { class: 'help' }, '–: ', [...problems].join(' ')) : null,
    );
  };

  // ---- the check

  const check = async () => {
    const id = ++run;
    const start = opts.now();
    const sid = scenarioId;
    const v = variant;
    const plain = isPlainVariant(v);
    const key = versionKey(sid, v);
    const needed = [v, ...(plain ? [] : [{}])].filter((x) => !knownFigures(sid, x));
    if (needed.length === 0) {
      shown = {
        key,
        tuned: knownFigures(sid, v)!,
        designed: knownFigures(sid, {})!,
        plain,
      };
      status.textContent =
        'These figures were worked out earlier on this page: the same test games give the same figures.';
      renderTable();
      return;
    }
    runner ??= createWinRateRunner(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
    const jobs = needed.flatMap((x) => jobsFor(sid, x));
    const games = jobs.reduce((n, j) => n + j.games, 0);
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Playing ${plural(games, 'test game')}…`;
    let announced = 0;
    const counts = await runner.run(jobs, {
      onProgress: (done, total) => {
        if (id !== run) return;
        progress.value = total ? done / total : 1;
        // A word each quarter: a screen reader reads every change of a live region.
        const quarter = total ? Math.floor((4 * done) / total) : 4;
        if (quarter > announced && quarter < 4) {
          announced = quarter;
          status.textContent = `Playing test games: ${done} of ${total}…`;
        }
      },
      cancelled: () => id !== run,
    });
    if (counts === null || id !== run) return;
    rememberFigures(addUp(jobs, counts));
    progress.hidden = true;
    const ms = opts.now() - start;
    const designedKnown = !plain && needed.length === 1;
    status.textContent = `Done in ${seconds(ms)}: ${plural(games, 'test game')} played${
      designedKnown ? ' (the designed figures were already known)' : ''
    }.`;
    shown = {
      key,
      tuned: knownFigures(sid, v)!,
      designed: knownFigures(sid, {})!,
      plain,
    };
    renderTable();
  };

  const winTitleId = uid('winrate-title');
  const details = h(
    'details',
    { class: 'tune', open: !isPlainVariant(variant) },
    h('summary', null, h('span', { class: 'tune-title' }, 'Tune the scenario'), summaryNote),
    h(
      'p',
      { class: 'help' },
      'Change what matters for your lesson. The class link, the QR code and the briefing carry your version, and result codes from it are checked against it.',
    ),
    fieldBox,
    h('div', { class: 'inline' }, resetButton),
    resetStatus,
    h(
      'div',
      { class: 'winrate-box', role: 'group', 'aria-labelledby': winTitleId },
      h('h5', { id: winTitleId }, 'Win rates before you use it'),
      h(
        'p',
        { class: 'help' },
        `The game’s test players play your version ${WINRATE_GAMES} times at each difficulty, on the same ${WINRATE_GAMES} worlds each time: a competent player, who follows a sound plan, and a player who clicks at random. The scenario as designed is beside it. It takes a few seconds, here in this browser.`,
      ),
      h('div', { class: 'inline' }, checkButton),
      progress,
      status,
      tableSlot,
    ),
  );

  buildFields();
  renderTable();

  return {
    el: details,
    setScenario(id) {
      if (id === scenarioId) return;
      run++;
      scenarioId = id;
      variant = {};
      shown = null;
      progress.hidden = true;
      status.textContent = '';
      resetStatus.textContent = '';
      buildFields();
      renderTable();
    },
    setDifficulty(d) {
      difficulty = d;
      renderTable();
    },
    destroy() {
      run++;
      runner?.destroy();
    },
  };
}
