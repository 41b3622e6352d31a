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
import { fill, h, uid, type Child } from '../dom/h';
import { capitalise } from '../dom/strings';
import {
  addUp,
  CHECK_SECONDS,
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

// The "Tune the scenario" part of the class set-up: one field per tunable value of the chosen
// scenario (its range and step from tunablesOf, the designed value beside it; the money in EUR
// bn with one decimal), a button back to the designed values, and a check of the tuned
// version's win rates, played by the balance harness in workers and shown beside the designed
// scenario's, with its progress as it goes.

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

type Read = { ok: true; value: number } | { ok: false; message: string };

/** A whole number in the tunable's range, or why the text is not one. */
export function readTuned(t: Tunable, text: string): Read {
  const s = text.trim();
  const value = Number(s);
  if (/^-?\d{1,5}$/u.test(s) && value >= t.min && value <= t.max) return { ok: true, value };
  return { ok: false, message: `Type a whole number from ${t.min} to ${t.max}.` };
}

/** The money tunable's unit: the variant stores tenths of a EUR bn (EUR 100 m). */
const tenthsText = (tenths: number) => (tenths / 10).toFixed(1);

/**
 * Money typed in EUR bn with at most one decimal ("60" is EUR 60.0 bn, "71.7" or "71,7" is EUR
 * 71.7 bn), in the tunable's range: its value in the variant's unit (tenths of a bn) and in EUR m.
 */
export function readBillions(
  t: Tunable,
  text: string,
): { ok: true; value: number; millions: number } | { ok: false; message: string } {
  const s = text
    .trim()
    .replace(/^(EUR|€)\s*/iu, '')
    .replace(/\s*(bn|billion)$/iu, '')
    .replace(',', '.');
  const range = `from ${tenthsText(t.min)} to ${tenthsText(t.max)}`;
  const m = /^(\d{1,4})(?:\.(\d)?)?$/u.exec(s);
  if (!m) {
    const why = /^\d+\.\d{2,}$/u.test(s) ? 'Use one decimal at most. ' : '';
    return { ok: false, message: `${why}Type an amount in EUR bn ${range}, such as 60 or 71.7.` };
  }
  const value = Number(m[1]) * 10 + Number(m[2] ?? 0);
  if (value < t.min || value > t.max)
    return { ok: false, message: `Type an amount in EUR bn ${range}.` };
  return { ok: true, value, millions: value * 100 };
}

const isMoney = (t: Tunable) => t.key === 'target';
const fieldText = (t: Tunable, value: number) => (isMoney(t) ? tenthsText(value) : String(value));

/** One tunable's field: its input, the value in words, the designed value and the help. */
function fieldView(t: Tunable, value: number, onValue: (f: Field, r: Read) => void): Field {
  const id = uid(`tune-${t.key}`);
  const now = h('span', { id: uid(`tune-${t.key}-now`), class: 'tune-value' });
  const designed = h(
    'p',
    { id: uid(`tune-${t.key}-designed`), class: 'tune-designed' },
    `Designed: ${t.show(t.base)}.`,
  );
  const help = h('p', { id: uid(`tune-${t.key}-help`), class: 'help' }, t.help);
  const error = h('p', { id: uid(`tune-${t.key}-error`), class: 'error', role: 'alert' });
  const money = isMoney(t);
  const input = h('input', {
    id,
    type: 'number',
    inputmode: money ? 'decimal' : 'numeric',
    min: money ? tenthsText(t.min) : t.min,
    max: money ? tenthsText(t.max) : t.max,
    step: money ? '0.1' : t.step,
    value: fieldText(t, value),
    'aria-describedby': `${now.id} ${designed.id} ${help.id} ${error.id}`,
  });
  const box = h(
    'div',
    { class: 'field tune-field' },
    h('label', { for: id }, t.label),
    h(
      'div',
      { class: 'inline' },
      input,
      money ? h('span', { class: 'unit' }, 'EUR bn') : null,
      now,
    ),
    designed,
    help,
    error,
  );
  const f: Field = { t, input, now, error, box };
  input.addEventListener('input', () => {
    onValue(f, money ? readBillions(t, input.value) : readTuned(t, input.value));
  });
  return f;
}

// ---- the win-rate table

interface Shown {
  key: string;
  tuned: WinFigures;
  designed: WinFigures;
  plain: boolean;
}

const cellText = (c: WinCount) => {
  const p = percent(c);
  return p === null ? '–' : `${p}%`;
};

function tableHead(plain: boolean, versions: string[]): HTMLElement {
  return h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col', rowspan: plain ? 1 : 2 }, 'Difficulty'),
      PLAYERS.map((p) =>
        h('th', { scope: 'colgroup', colspan: versions.length, class: 'group' }, PLAYER_TEXT[p]),
      ),
    ),
    plain
      ? null
      : h(
          'tr',
          null,
          PLAYERS.map(() =>
            versions.map((v, i) => h('th', { scope: 'col', class: i ? 'num designed' : 'num' }, v)),
          ),
        ),
  );
}

function tableBody(figures: WinFigures[], difficulty: Difficulty): HTMLElement {
  return h(
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
          figures.map((f, i) => h('td', { class: i ? 'designed' : null }, cellText(f[d][p]))),
        ),
      ),
    ),
  );
}

/** The figures as a table beside the designed ones; marked out of date for another version. */
function winRateTable(shown: Shown, stale: boolean, difficulty: Difficulty): Child[] {
  const versions = shown.plain ? ['As designed'] : ['This version', 'As designed'];
  const figures = shown.plain ? [shown.designed] : [shown.tuned, shown.designed];
  const problems = new Set<string>();
  for (const f of figures)
    for (const d of DIFFICULTIES)
      for (const p of PLAYERS) {
        const c = f[d][p];
        if ('error' in c) problems.add(c.error);
      }
  const caption = `Games won, in percent, of ${WINRATE_GAMES} test games each${shown.plain ? ': the scenario as designed' : ''}${stale ? ' (out of date)' : ''}`;
  return [
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
        h('caption', null, caption),
        tableHead(shown.plain, versions),
        tableBody(figures, difficulty),
      ),
    ),
    problems.size ? h('p', { class: 'help' }, '–: ', [...problems].join(' ')) : null,
  ];
}

// ---- the check

/** "12 of 600 test games played · about 20 s left" (the time once a tenth is done). */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const head = `${done.toLocaleString('en-GB')} of ${plural(total, 'test game')} played`;
  if (total === 0 || done * 10 < total || done >= total) return `${head}…`;
  const left = Math.max(1, Math.round(((total - done) * elapsedMs) / done / 1000));
  return `${head} · about ${left} s left…`;
}

/** What the check costs, said before it starts (measured: see CHECK_SECONDS). */
export const CHECK_NOTE = `The game’s test players play your version ${WINRATE_GAMES} times at each difficulty, on the same ${WINRATE_GAMES} worlds each time: a competent player, who follows a sound plan, and a player who clicks at random. The scenario as designed is beside it. The first check plays both versions here in this browser: about ${CHECK_SECONDS.low} to ${CHECK_SECONDS.high} s on a two-core laptop, longer on a busy one; the bar shows how far it has got. Later checks reuse the designed figures and take about half as long.`;

interface CheckDeps {
  now(): number;
  version(): { scenarioId: string; variant: Variant };
  show(shown: Shown): void;
}

/** The check's button, progress bar, progress line and status, and the check itself. */
function winRateCheck(deps: CheckDeps) {
  let runner: WinRateRunner | null = null;
  let run = 0;
  const progress = h('progress', {
    class: 'check-progress winrate-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': 'Progress of the win-rate check',
  });
  const line = h('p', { class: 'winrate-progress-text help', hidden: true });
  const status = h('p', { class: 'winrate-status', role: 'status', 'aria-live': 'polite' });
  const shownFor = (sid: string, v: Variant): Shown => ({
    key: versionKey(sid, v),
    tuned: knownFigures(sid, v)!,
    designed: knownFigures(sid, {})!,
    plain: isPlainVariant(v),
  });
  const setBusy = (busy: boolean) => {
    progress.hidden = !busy;
    line.hidden = !busy;
  };

  const check = async () => {
    const id = ++run;
    const start = deps.now();
    const { scenarioId: sid, variant: v } = deps.version();
    const needed = [v, ...(isPlainVariant(v) ? [] : [{}])].filter((x) => !knownFigures(sid, x));
    if (needed.length === 0) {
      status.textContent =
        'These figures were worked out earlier on this page: the same test games give the same figures.';
      return deps.show(shownFor(sid, v));
    }
    runner ??= createWinRateRunner(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
    const jobs = needed.flatMap((x) => jobsFor(sid, x));
    const games = jobs.reduce((n, j) => n + j.games, 0);
    setBusy(true);
    progress.value = 0;
    line.textContent = progressText(0, games, 0);
    status.textContent = `Playing ${plural(games, 'test game')}…`;
    let announced = 0;
    const counts = await runner.run(jobs, {
      onProgress: (done, total) => {
        if (id !== run) return;
        progress.value = total ? done / total : 1;
        line.textContent = progressText(done, total, deps.now() - start);
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
    setBusy(false);
    const known = !isPlainVariant(v) && needed.length === 1;
    status.textContent = `Done in ${seconds(deps.now() - start)}: ${plural(games, 'test game')} played${known ? ' (the designed figures were already known)' : ''}.`;
    deps.show(shownFor(sid, v));
  };

  const button = h(
    'button',
    { type: 'button', class: 'primary', onClick: () => void check() },
    'Check win rates',
  );
  return {
    parts: [h('div', { class: 'inline' }, button), progress, line, status],
    /** forgets the check in progress (a new scenario) */
    stop() {
      run++;
      setBusy(false);
      status.textContent = '';
    },
    destroy() {
      run++;
      runner?.destroy();
    },
  };
}

// ---- the view

function showFieldValue(f: Field, value: number): void {
  f.now.textContent = f.t.show(value);
  f.now.classList.toggle('changed', value !== f.t.base);
  f.box.classList.toggle('changed', value !== f.t.base);
}

/** Back to the designed value, with no error. */
function clearField(f: Field): void {
  f.input.value = fieldText(f.t, f.t.base);
  f.error.textContent = '';
  f.input.removeAttribute('aria-invalid');
}

export function tuneView(opts: TuneOptions): TuneView {
  let scenarioId = opts.scenarioId;
  let variant: Variant = opts.variant;
  let difficulty = opts.difficulty;
  let fields: Field[] = [];
  /** the version whose figures the table shows, and the figures */
  let shown: Shown | null = null;

  const summaryNote = h('span', { class: 'tune-count' });
  const fieldBox = h('div', { class: 'tune-fields' });
  const resetStatus = h('p', { class: 'help', role: 'status' });
  const tableSlot = h('div', { class: 'winrate-slot' });

  const renderSummary = () => {
    const n = Object.keys(variant).length;
    summaryNote.textContent = n === 0 ? ' · as designed' : ` · ${plural(n, 'value')} changed`;
  };
  const showValue = (f: Field) => showFieldValue(f, variant[f.t.key] ?? f.t.base);
  const renderTable = () => {
    const key = versionKey(scenarioId, variant);
    // Figures already worked out for this version (the teacher came back to it) are shown.
    const tuned = knownFigures(scenarioId, variant);
    const designed = knownFigures(scenarioId, {});
    if ((!shown || shown.key !== key) && tuned && designed)
      shown = { key, tuned, designed, plain: isPlainVariant(variant) };
    fill(tableSlot, shown ? winRateTable(shown, shown.key !== key, difficulty) : null);
  };
  const onValue = (f: Field, r: Read) => {
    const kept = f.t.show(variant[f.t.key] ?? f.t.base);
    if (!r.ok) {
      f.error.textContent = `${r.message} The class link still uses ${kept}.`;
      return f.input.setAttribute('aria-invalid', 'true');
    }
    f.error.textContent = '';
    f.input.removeAttribute('aria-invalid');
    if (r.value !== (variant[f.t.key] ?? f.t.base)) setVariant({ ...variant, [f.t.key]: r.value });
    showValue(f);
  };
  const setVariant = (next: Variant) => {
    variant = normaliseVariant(getScenario(scenarioId)!, next);
    opts.onChange(variant);
    renderSummary();
    renderTable();
  };
  const buildFields = () => {
    const ts = tunablesOf(getScenario(scenarioId)!);
    fields = ts.map((t) => fieldView(t, variant[t.key as TuneKey] ?? t.base, onValue));
    fields.forEach(showValue);
    fieldBox.replaceChildren(...fields.map((f) => f.box));
    renderSummary();
  };
  const reset = () => {
    fields.forEach(clearField);
    setVariant({});
    fields.forEach(showValue);
    resetStatus.textContent = 'Every value is back to the designed one.';
  };
  const checker = winRateCheck({
    now: opts.now,
    version: () => ({ scenarioId, variant }),
    show: (s) => ((shown = s), renderTable()),
  });
  const el = tunePanel(variant, summaryNote, fieldBox, reset, resetStatus, [
    ...checker.parts,
    tableSlot,
  ]);
  buildFields();
  renderTable();
  return {
    el,
    setScenario(id) {
      if (id === scenarioId) return;
      checker.stop();
      [scenarioId, variant, shown] = [id, {}, null];
      resetStatus.textContent = '';
      buildFields();
      renderTable();
    },
    setDifficulty: (d) => ((difficulty = d), renderTable()),
    destroy: () => checker.destroy(),
  };
}

/** The panel's frame: summary, fields, the reset button and the win-rate box. */
function tunePanel(
  variant: Variant,
  summaryNote: HTMLElement,
  fieldBox: HTMLElement,
  reset: () => void,
  resetStatus: HTMLElement,
  winParts: Child[],
): HTMLElement {
  const winTitleId = uid('winrate-title');
  return h(
    'details',
    { class: 'tune', open: !isPlainVariant(variant) },
    h('summary', null, h('span', { class: 'tune-title' }, 'Tune the scenario'), summaryNote),
    h(
      'p',
      { class: 'help' },
      'Change what matters for your lesson. The class link, the QR code and the briefing carry your version, and result codes from it are checked against it.',
    ),
    fieldBox,
    h(
      'div',
      { class: 'inline' },
      h(
        'button',
        { type: 'button', class: 'secondary', onClick: reset },
        'Back to the designed values',
      ),
    ),
    resetStatus,
    h(
      'div',
      { class: 'winrate-box', role: 'group', 'aria-labelledby': winTitleId },
      h('h5', { id: winTitleId }, 'Win rates before you use it'),
      h('p', { class: 'help winrate-note' }, CHECK_NOTE),
      winParts,
    ),
  );
}
