import { TERM_NAMES, type Preview, type Session, type Store } from '../app/store';
import {
  moneyYear,
  describeTerms,
  formatDate,
  isSummitWeek,
  moveCost,
  possessive,
  BRIDGE_SOURCES,
  ROUTE_TERMS,
  routeFlags,
  weekStart,
  type ActorDef,
  type Move,
  type OfferTerms,
  type RouteTerms,
  type Scenario,
  type TermKey,
} from '../engine';
import type { View } from './board';
import { coachView } from './coach';
import { ask, fill, h, refill, setText, uid } from './h';
import {
  BRIDGE_LABEL,
  capitalise,
  count,
  MOVE_TYPES,
  VOTE_MODE_HELP,
  VOTE_MODE_LABEL,
} from './strings';

// The action panel: choose a move, its target and its terms; see the cost before confirming.
// The form never decides legality: the engine does, and a refusal is read out in an alert.

const termName = (k: TermKey) => capitalise(TERM_NAMES[k] ?? k);

function select<T extends string>(
  label: string,
  options: { value: T; label: string }[],
  onChange: () => void,
) {
  const id = uid('sel');
  const el = h(
    'select',
    { id, onChange },
    options.map((o) => h('option', { value: o.value }, o.label)),
  );
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), el);
  return { el, field, value: () => el.value as T };
}

/** The move panel's first choice: its label is for screen readers (the panel is "Your move"). */
function moveSelect(onChange: () => void) {
  const s = select(
    'Move',
    MOVE_TYPES.map((m) => ({ value: m.type, label: m.label })),
    onChange,
  );
  s.field.querySelector('label')!.classList.add('vh');
  return s;
}

function checkbox(label: string, onChange: () => void) {
  const id = uid('chk');
  const input = h('input', { id, type: 'checkbox', onChange });
  return { input, el: h('div', { class: 'check' }, input, h('label', { for: id }, label)) };
}

function radios<T extends string>(
  legend: string,
  options: { value: T; label: string }[],
  initial: T,
  onChange: () => void,
) {
  const name = uid('radio');
  const inputs = options.map((o) => {
    const id = uid('r');
    const input = h('input', {
      id,
      type: 'radio',
      name,
      value: o.value,
      checked: o.value === initial,
      onChange,
    });
    return { input, el: h('div', { class: 'check' }, input, h('label', { for: id }, o.label)) };
  });
  const el = h(
    'fieldset',
    { class: 'radios' },
    h('legend', null, legend),
    inputs.map((i) => i.el),
  );
  return {
    el,
    value: () => (inputs.find((i) => i.input.checked)?.input.value ?? initial) as T,
    set: (v: T) => inputs.forEach((i) => (i.input.checked = i.input.value === v)),
  };
}

/**
 * A click or key press that repeats the one before: the second (third...) click of a double
 * click, or Enter held down. Deliberate presses, however quick, have a detail of 1 (0 by key).
 */
function isRepeat(e: Event): boolean {
  if (e instanceof KeyboardEvent) return e.repeat && (e.key === 'Enter' || e.key === ' ');
  return e instanceof MouseEvent && e.detail > 1;
}

/** The vote's help, from what it costs this week and when the next summit is. */
function voteHelp(scenario: Scenario, week: number, cost: number): string {
  const put = 'Put a tabled route to the vote.';
  if (cost === 0)
    return `${put} ${isSummitWeek(scenario, week) ? 'Votes are free this week: it is a summit.' : 'This vote is free this week: it is the week set aside for it.'}`;
  const next = scenario.summitWeeks.find((w) => w > week);
  const summit = next
    ? ` At the summit in week ${next} (${formatDate(weekStart(scenario.startDate, next))}) votes are free.`
    : '';
  return `${put} Outside a summit it costs ${count(cost, 'point', 'points')}.${summit}`;
}

/** The game whose player said "don't ask again" at the week's end (until that game ends). */
let noAskFor: string | null = null;
const gameKey = (s: Session) => JSON.stringify([s.scenarioId, s.seed, s.difficulty, s.options]);

/** Asks before a week ends with points unused; resolves true to end it. */
async function askEndWeek(s: Session): Promise<boolean> {
  const again = checkbox('Don’t ask again in this game', () => {});
  const answer = await ask(
    'End the week with points left?',
    [
      h(
        'p',
        null,
        `You still have ${count(s.state.capital, 'point', 'points')} of political capital this week. Points you do not use are lost when the week ends.`,
      ),
      again.el,
    ],
    [
      { value: 'end', label: 'End the week' },
      { value: 'stay', label: 'Keep playing this week' },
    ],
  );
  if (answer === 'end' && again.input.checked) noAskFor = gameKey(s);
  return answer === 'end';
}

export function actionsView(
  store: Store,
  scenario: Scenario,
  narrator: { el: HTMLElement; answer: HTMLElement },
): View {
  const latest = narrator.el;
  const actorsFor = (type: Move['type']): ActorDef[] =>
    scenario.actors.filter((a) => {
      if (type === 'actor.sound') return a.kind !== 'adversary';
      if (type === 'offer.make' || type === 'counter.accept') return a.terms.length > 0;
      if (type === 'pressure.public') return a.kind !== 'adversary' && a.kind !== 'lender';
      return false;
    });

  const help = h('p', { class: 'help', id: uid('move-help') });
  const typeSel = moveSelect(() => rebuild());
  typeSel.el.setAttribute('aria-describedby', help.id);
  const targetSlot = h('div', { class: 'target' });
  const optionSlot = h('div', { class: 'options' });
  const preview = h('p', { class: 'preview', id: uid('preview') });
  // "If you confirm": the move applied to the game as it is now (src/app/preview.ts).
  const consequences = h('div', { class: 'consequences', 'aria-live': 'polite' });
  const check = h('p', { class: 'check-note', id: uid('check') });
  const refusal = h('div', { class: 'refusal', role: 'alert' });
  const confirm = h(
    'button',
    { type: 'submit', class: 'primary', 'aria-describedby': `${preview.id} ${check.id}` },
    'Confirm move',
  );

  /** Builds the move the form describes, or null if it is not complete. */
  let build: () => Move | null = () => null;
  /** Sets the form's target and terms to a move of the chosen kind (the coach's suggestion). */
  let apply: (m: Move) => void = () => {};
  /** Words of the form that follow the game (the counter-offer standing), if any. */
  let follow: (s: Session) => void = () => {};

  function rebuild() {
    const type = typeSel.value();
    help.textContent = MOVE_TYPES.find((m) => m.type === type)?.help ?? '';
    fill(targetSlot);
    fill(optionSlot);
    apply = () => {};
    follow = () => {};
    switch (type) {
      case 'actor.sound':
      case 'pressure.public':
      case 'counter.accept':
      case 'offer.make': {
        const target = select(
          'Actor',
          actorsFor(type).map((a) => ({ value: a.id, label: a.name })),
          () => (type === 'offer.make' ? offerOptions(target.value()) : refresh()),
        );
        targetSlot.appendChild(target.field);
        /** Sets the chosen actor's terms to an offer's. */
        let setTerms: (m: Move) => void = () => {};
        const offerOptions = (actorId: string) => {
          const def = scenario.actors.find((a) => a.id === actorId)!;
          const guarantee = def.terms.includes('guarantee')
            ? radios(
                'Guarantee share',
                [
                  { value: 'none', label: 'None' },
                  { value: 'capped', label: 'Capped' },
                  { value: 'uncapped', label: 'Uncapped' },
                ],
                'none',
                refresh,
              )
            : null;
          const flags = def.terms
            .filter((k) => k !== 'guarantee')
            .map((k) => ({ k, box: checkbox(termName(k), refresh) }));
          fill(
            optionSlot,
            h(
              'fieldset',
              { class: 'terms' },
              h('legend', null, `Terms to offer ${def.name}`),
              guarantee?.el,
              flags.map((f) => f.box.el),
            ),
          );
          build = () => {
            const terms: OfferTerms = {};
            const g = guarantee?.value();
            if (g && g !== 'none') terms.guarantee = g;
            for (const f of flags) if (f.box.input.checked) terms[f.k] = true;
            return { type: 'offer.make', actor: def.id, terms };
          };
          setTerms = (m) => {
            if (m.type !== 'offer.make') return;
            guarantee?.set(m.terms.guarantee ?? 'none');
            for (const f of flags) f.box.input.checked = m.terms[f.k] === true;
          };
          refresh();
        };
        if (type === 'offer.make') offerOptions(target.value());
        else build = () => ({ type, actor: target.value() });
        apply = (m) => {
          if (!('actor' in m)) return;
          target.el.value = m.actor;
          if (type !== 'offer.make') return;
          offerOptions(m.actor);
          setTerms(m);
        };
        if (type === 'counter.accept') {
          const terms = h('p', { class: 'help' });
          optionSlot.appendChild(terms);
          follow = (s) => {
            const c = s.state.actors[target.value()]?.counter;
            setText(
              terms,
              c ? `Its counter-offer: ${describeTerms(c.terms)}.` : 'None stands now.',
            );
          };
        }
        break;
      }
      case 'legal.work':
      case 'route.table':
      case 'vote.call': {
        const routes = scenario.routes;
        const target = select(
          'Route',
          routes.map((r) => ({ value: r.id, label: r.name })),
          () => routeOptions(target.value()),
        );
        targetSlot.appendChild(target.field);
        /** Sets the chosen route's options (its voting rule or its terms) to a move's. */
        let setOptions: (m: Move) => void = () => {};
        const routeOptions = (routeId: string) => {
          const def = routes.find((r) => r.id === routeId)!;
          fill(optionSlot);
          if (type === 'legal.work') {
            build = () => ({ type: 'legal.work', route: def.id });
          } else if (type === 'vote.call') {
            const modeHelp = h('p', { class: 'help', id: uid('mode-help') });
            const mode = select(
              'Voting rule',
              def.modes.map((m) => ({ value: m, label: VOTE_MODE_LABEL[m] })),
              () => {
                modeHelp.textContent = VOTE_MODE_HELP[mode.value()];
                refresh();
              },
            );
            mode.el.setAttribute('aria-describedby', modeHelp.id);
            modeHelp.textContent = VOTE_MODE_HELP[mode.value()];
            mode.field.appendChild(modeHelp);
            optionSlot.appendChild(mode.field);
            build = () => ({ type: 'vote.call', route: def.id, mode: mode.value() });
            setOptions = (m) => {
              if (m.type !== 'vote.call') return;
              mode.el.value = m.mode;
              modeHelp.textContent = VOTE_MODE_HELP[mode.value()];
            };
          } else {
            const size = select(
              'Size',
              def.sizes.map((x) => ({
                value: String(x.size),
                label: `EUR ${x.size} bn${x.money2026 ? ` (${(x.money2026 / 1000).toFixed(1)} bn in ${moneyYear(scenario)}${x.whatIf ? ', what-if' : ''})` : ''}`,
              })),
              refresh,
            );
            const guarantee = ROUTE_TERMS[def.kind].includes('guarantee')
              ? radios(
                  'Guarantees',
                  [
                    { value: 'capped', label: 'Capped' },
                    { value: 'uncapped', label: 'Uncapped' },
                  ],
                  'capped',
                  refresh,
                )
              : null;
            const flags = routeFlags(def.kind).map((k) => ({
              k,
              box: checkbox(termName(k), refresh),
            }));
            optionSlot.appendChild(
              h(
                'fieldset',
                { class: 'terms' },
                h('legend', null, `Terms of the ${def.name}`),
                size.field,
                guarantee?.el,
                flags.map((f) => f.box.el),
              ),
            );
            build = () => {
              const terms: RouteTerms = { size: Number(size.value()) };
              const g = guarantee?.value();
              if (g) terms.guarantee = g;
              for (const f of flags) if (f.box.input.checked) terms[f.k] = true;
              return { type: 'route.table', route: def.id, terms };
            };
            setOptions = (m) => {
              if (m.type !== 'route.table') return;
              size.el.value = String(m.terms.size);
              if (m.terms.guarantee) guarantee?.set(m.terms.guarantee);
              for (const f of flags) f.box.input.checked = m.terms[f.k] === true;
            };
          }
          refresh();
        };
        routeOptions(target.value());
        apply = (m) => {
          if (!('route' in m)) return;
          target.el.value = m.route;
          setOptions = () => {};
          routeOptions(m.route);
          setOptions(m);
        };
        break;
      }
      case 'bridge.request': {
        const source = select(
          'From',
          BRIDGE_SOURCES.map((v) => ({ value: v, label: BRIDGE_LABEL[v] })),
          refresh,
        );
        targetSlot.appendChild(source.field);
        build = () => ({ type: 'bridge.request', source: source.value() });
        apply = (m) => {
          if (m.type === 'bridge.request') source.el.value = m.source;
        };
        break;
      }
      case 'g7.coordinate':
        build = () => ({ type: 'g7.coordinate' });
        break;
      case 'week.end':
        build = () => ({ type: 'week.end' });
        break;
    }
    refresh();
  }

  /** Cost and a friendly pre-check, recomputed whenever the form or the state changes. */
  function refresh() {
    const s = store.getState();
    const move = build();
    if (!s || !move) return;
    follow(s);
    const cost = moveCost(scenario, s.state, move);
    setText(
      preview,
      `${cost === 0 ? 'Free this week' : `Costs ${count(cost, 'point', 'points')}`}; you have ${count(s.state.capital, 'point', 'points')} left.`,
    );
    if (move.type === 'vote.call') setText(help, voteHelp(scenario, s.state.week, cost));
    // The preview is the move played on the game as it is: its refusal is the rules' reason.
    const p = store.preview(move);
    const why = p ? (p.ok ? null : p.reason) : store.validate(move);
    showConsequences(consequences, p);
    setText(check, why ? `Not possible now: ${why}` : '');
    check.hidden = !why;
    // Still pressable (the engine then says why, out loud), but it must not look ready.
    confirm.setAttribute('aria-disabled', String(why !== null));
  }

  const form = h(
    'form',
    {
      class: 'move-form',
      'aria-labelledby': 'actions-title',
      // The cost and the pre-check are written from the values: no restoring them on Back.
      autocomplete: 'off',
      onSubmit: (e: Event) => {
        e.preventDefault();
        const move = build();
        if (!move) return;
        store.dispatch(move);
      },
      // One move per confirm: the second click of a double click and a held Enter do nothing.
      onClick: (e: Event) => {
        if (e.target === confirm && isRepeat(e)) e.preventDefault();
      },
      onKeydown: (e: Event) => {
        if (isRepeat(e)) e.preventDefault();
      },
    },
    typeSel.field,
    help,
    targetSlot,
    optionSlot,
    preview,
    consequences,
    check,
    confirm,
  );

  /** After a week ends, the focus goes to the new week's summary (the narrator). */
  let focusSummary = false;

  /**
   * Under a counter-offer just made: a button that takes it, with what it would do. The move
   * form can take it too, for as long as it stands.
   */
  function counterAnswer(s: Session): void {
    const last = s.moves[s.moves.length - 1];
    const counter = last?.type === 'offer.make' ? s.state.actors[last.actor]?.counter : null;
    if (!last || last.type !== 'offer.make' || !counter)
      return void narrator.answer.replaceChildren();
    const move: Move = { type: 'counter.accept', actor: last.actor };
    const name = scenario.actors.find((a) => a.id === last.actor)?.name ?? last.actor;
    const p = store.preview(move);
    const shown = h('div', { class: 'consequences' });
    showConsequences(shown, p, 'If you accept it:');
    narrator.answer.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'primary take-counter',
          'aria-disabled': String(!p?.ok),
          onClick: (e: Event) => {
            if (isRepeat(e)) return;
            focusSummary = store.dispatch(move).ok;
          },
        },
        `Accept ${possessive(name)} counter-offer: ${describeTerms(counter.terms)}`,
      ),
      p?.ok ? shown : h('p', { class: 'check-note' }, `Not possible now: ${p?.reason ?? ''}`),
    );
  }
  const endTheWeek = () => {
    focusSummary = store.dispatch({ type: 'week.end' }).ok;
  };
  const endWeek = h(
    'button',
    {
      type: 'button',
      class: 'end-week',
      onClick: (e: Event) => {
        if (isRepeat(e)) return;
        const s = store.getState();
        if (!s || s.state.capital === 0 || noAskFor === gameKey(s)) return endTheWeek();
        void askEndWeek(s).then((end) => end && endTheWeek());
      },
      onKeydown: (e: Event) => {
        if (isRepeat(e)) e.preventDefault();
      },
    },
    'End the week',
  );

  /** The coach's suggestion, in the form: the player sees its preview, then confirms. */
  const setMove = (m: Move) => {
    // Ending the week has its own button, not a place in the form.
    if (m.type === 'week.end') return endWeek.focus();
    typeSel.el.value = m.type;
    rebuild();
    apply(m);
    refresh();
    confirm.focus();
  };
  const coach = coachView(store, setMove);
  const el = h(
    'section',
    { class: 'panel actions', id: 'actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title', tabIndex: -1 }, 'Your move'),
    coach.el,
    form,
    refusal,
    latest,
    h(
      'div',
      { class: 'end-week-box' },
      endWeek,
      h('p', { class: 'help' }, 'Everyone reacts; unused points are lost.'),
    ),
  );

  rebuild();

  return {
    el,
    update(s: Session) {
      // The alert region stays in the page (empty when quiet) so screen readers announce it.
      refusal.textContent = s.lastRefusal ? `Refused: ${s.lastRefusal}` : '';
      // "Don't ask again" lasts until the game ends (or the same game starts afresh).
      if (s.moves.length === 0 || s.state.status === 'over') noAskFor = null;
      if (focusSummary) {
        focusSummary = false;
        // No jump of the page: the summary is usually in view already (the panel is sticky).
        latest.focus({ preventScroll: true });
        latest.scrollIntoView({ block: 'nearest' });
      }
      coach.update(s);
      counterAnswer(s);
      refresh();
    },
  };
}

/**
 * The preview's lines under "If you confirm" (nothing when the move is not possible); the cost
 * only where it is not said above the list already.
 */
function showConsequences(el: HTMLElement, p: Preview | null, title = 'If you confirm:'): void {
  if (!p?.ok) return void el.replaceChildren();
  const lines = p.lines.filter((l) => l.kind !== 'cost' || title !== 'If you confirm:');
  el.replaceChildren(
    h('p', { class: 'consequences-title' }, title),
    lines.length
      ? h(
          'ul',
          null,
          lines.map((l) =>
            h(
              'li',
              { class: `consequence ${l.kind}` },
              l.text,
              l.reason ? h('span', { class: 'entry-reason' }, ` ${l.reason}`) : null,
            ),
          ),
        )
      : h('p', { class: 'help' }, 'Nothing else changes until the week ends.'),
  );
}

/** The promises made in offers so far: tabled routes should keep them. */
export function promisesView(scenario: Scenario): View {
  const el = h('section', { class: 'panel promises', 'aria-labelledby': 'promises-title' });
  return {
    el,
    update(s: Session) {
      const kept = s.state.promises.filter((p) => !p.broken);
      el.hidden = kept.length === 0;
      refill(
        el,
        h('h2', { id: 'promises-title' }, 'Promises you have made'),
        h(
          'ul',
          null,
          kept.map((p) =>
            h(
              'li',
              null,
              `${scenario.actors.find((a) => a.id === p.actor)?.name ?? p.actor} (week ${p.week}): ${describeTerms(p.terms)}`,
            ),
          ),
        ),
        h(
          'p',
          { class: 'help' },
          'Table routes whose terms keep these promises, or lose trust with everyone who saw them. Once a route is on the table, an offer can promise only what its text carries.',
        ),
      );
    },
  };
}
