import { hintFor } from '../app/hints';
import { TERM_NAMES, type Session, type Store } from '../app/store';
import {
  moneyYear,
  describeTerms,
  moveCost,
  type ActorDef,
  type Move,
  type OfferTerms,
  type RouteDef,
  type RouteTerms,
  type Scenario,
  type TermKey,
} from '../engine';
import type { View } from './board';
import { fill, h, refill, setText, uid } from './h';
import {
  bn,
  BRIDGE_LABEL,
  capitalise,
  MOVE_TYPES,
  VOTE_MODE_HELP,
  VOTE_MODE_LABEL,
} from './strings';

// The action panel: choose a move, its target and its terms; see the cost before confirming.
// The form never decides legality: the engine does, and a refusal is read out in an alert.

type RouteFlag = 'liquidity' | 'legalShields' | 'excludeFrenchBanks' | 'buyEuropean' | 'optOut';

/** Terms a route of each kind can carry when tabled (mirrors the engine's validation). */
const ROUTE_FLAGS: Record<RouteDef['kind'], RouteFlag[]> = {
  'reparations-loan': ['liquidity', 'legalShields', 'excludeFrenchBanks', 'buyEuropean'],
  'joint-borrowing': ['buyEuropean', 'optOut'],
  'asset-lock': [],
};

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
  return { el, value: () => (inputs.find((i) => i.input.checked)?.input.value ?? initial) as T };
}

export function actionsView(store: Store, scenario: Scenario, latest: HTMLElement): View {
  const actorsFor = (type: Move['type']): ActorDef[] =>
    scenario.actors.filter((a) => {
      if (type === 'actor.sound') return a.kind !== 'russia';
      if (type === 'offer.make') return a.terms.length > 0;
      if (type === 'pressure.public') return a.kind !== 'russia' && a.kind !== 'imf';
      return false;
    });

  const help = h('p', { class: 'help', id: uid('move-help') });
  const typeSel = select(
    'Move',
    MOVE_TYPES.map((m) => ({ value: m.type, label: m.label })),
    () => rebuild(),
  );
  typeSel.el.setAttribute('aria-describedby', help.id);
  const targetSlot = h('div', { class: 'target' });
  const optionSlot = h('div', { class: 'options' });
  const preview = h('p', { class: 'preview', id: uid('preview') });
  const check = h('p', { class: 'check-note', id: uid('check') });
  const refusal = h('div', { class: 'refusal', role: 'alert' });
  const confirm = h(
    'button',
    { type: 'submit', class: 'primary', 'aria-describedby': `${preview.id} ${check.id}` },
    'Confirm move',
  );

  /** Builds the move the form describes, or null if it is not complete. */
  let build: () => Move | null = () => null;

  function rebuild() {
    const type = typeSel.value();
    help.textContent = MOVE_TYPES.find((m) => m.type === type)?.help ?? '';
    fill(targetSlot);
    fill(optionSlot);
    switch (type) {
      case 'actor.sound':
      case 'pressure.public':
      case 'offer.make': {
        const target = select(
          'Actor',
          actorsFor(type).map((a) => ({ value: a.id, label: a.name })),
          () => (type === 'offer.make' ? offerOptions(target.value()) : refresh()),
        );
        targetSlot.appendChild(target.field);
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
          refresh();
        };
        if (type === 'offer.make') offerOptions(target.value());
        else build = () => ({ type, actor: target.value() });
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
          } else {
            const size = select(
              'Size',
              def.sizes.map((x) => ({
                value: String(x.size),
                label: `EUR ${x.size} bn${x.money2026 ? ` (${bn(x.money2026)} in ${moneyYear(scenario)})` : ''}`,
              })),
              refresh,
            );
            const guarantee =
              def.kind === 'reparations-loan'
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
            const flags = ROUTE_FLAGS[def.kind].map((k) => ({
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
          }
          refresh();
        };
        routeOptions(target.value());
        break;
      }
      case 'bridge.request': {
        const source = select(
          'From',
          (['imf', 'bilateral'] as const).map((v) => ({ value: v, label: BRIDGE_LABEL[v] })),
          refresh,
        );
        targetSlot.appendChild(source.field);
        build = () => ({ type: 'bridge.request', source: source.value() });
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
    const cost = moveCost(scenario, s.state, move);
    setText(
      preview,
      `Costs ${cost} political capital${cost === 1 ? ' point' : cost === 0 ? '' : ' points'}. You have ${s.state.capital} left this week.`,
    );
    const why = store.validate(move);
    setText(check, why ? `Not possible now: ${why}` : '');
    check.hidden = !why;
  }

  const form = h(
    'form',
    {
      class: 'move-form',
      'aria-labelledby': 'actions-title',
      onSubmit: (e: Event) => {
        e.preventDefault();
        const move = build();
        if (!move) return;
        store.dispatch(move);
      },
    },
    typeSel.field,
    help,
    targetSlot,
    optionSlot,
    preview,
    check,
    confirm,
  );

  const endWeek = h(
    'button',
    {
      type: 'button',
      class: 'end-week',
      onClick: () => store.dispatch({ type: 'week.end' }),
    },
    'End the week',
  );

  const hint = h('p', { class: 'hint', hidden: true });
  const el = h(
    'section',
    { class: 'panel actions', id: 'actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title', tabIndex: -1 }, 'Your move'),
    hint,
    form,
    refusal,
    latest,
    h(
      'div',
      { class: 'end-week-box' },
      endWeek,
      h(
        'p',
        { class: 'help' },
        'Everyone reacts, events happen, the calendar moves on. Unused points are lost.',
      ),
    ),
  );

  rebuild();

  return {
    el,
    update(s: Session) {
      // The alert region stays in the page (empty when quiet) so screen readers announce it.
      refusal.textContent = s.lastRefusal ? `Refused: ${s.lastRefusal}` : '';
      const tip = hintFor(s);
      setText(hint, tip?.text ?? '');
      hint.hidden = tip === null;
      refresh();
    },
  };
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
          'Table routes whose terms keep these promises, or lose trust with everyone who saw them.',
        ),
      );
    },
  };
}
