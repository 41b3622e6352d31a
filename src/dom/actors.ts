import {
  belgiumFear,
  decisionModel,
  explainActor,
  offerRule,
  offerTally,
  type Session,
} from '../app/store';
import { actorOfKind, commitmentOf, describeTerms, type Scenario } from '../engine';
import type { View } from './board';
import { conditionList, DECIDES_PANEL_ID } from './decides';
import { h, refill, setText } from './h';
import { bn, STANCE_LABEL, STANCE_SYMBOL } from './strings';
import { whyChange, whyParts } from './why';

// The actors around the table: one card each, with the stance as a word and a shape (colour is
// never the only cue), the numbers behind it, pledges, and a "Why?" region with the reasons:
// its conditions as its machine judges them (met, unmet, not at stake now) and what would move
// it. "How it decides" opens its machine under the picture (decides.ts).

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * `onDecides`: what "How it decides" does (opens the panel for an actor, the button getting the
 * focus back); without it the cards have no such button.
 */
export function actorsView(
  scenario: Scenario,
  onDecides?: (id: string, from: HTMLElement) => void,
): View & { select(id: string): void } {
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const custodian = actorOfKind(scenario, 'custodian')?.name;
  const cards = scenario.actors.map((def) => {
    const titleId = `actor-${def.id}`;
    const whyId = `why-${def.id}`;
    const stance = h('p', { class: 'stance' });
    const will = h('dd');
    const cred = h('dd');
    const pull = h('p', { class: 'pull', hidden: true });
    // How it judges offers, from the number above, and how that number moved last week.
    const judges = h('p', { class: 'judges', hidden: true });
    const moved = h('p', { class: 'moved', hidden: true });
    const chips = h('ul', { class: 'chips' });
    const why = h('div', { id: whyId, class: 'why', hidden: true });
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'why-toggle',
        'aria-expanded': 'false',
        'aria-controls': whyId,
        onClick: () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          why.hidden = !open;
          if (open) renderWhy(def.id);
        },
      },
      'Why?',
      h('span', { class: 'vh' }, ` (${def.name})`),
    );
    const decides = onDecides
      ? h(
          'button',
          {
            type: 'button',
            class: 'decides-toggle',
            'aria-controls': DECIDES_PANEL_ID,
            onClick: () => onDecides(def.id, decides!),
          },
          'How it decides',
          h('span', { class: 'vh' }, ` (${def.name})`),
        )
      : null;
    const card = h(
      'article',
      { class: 'actor', 'aria-labelledby': titleId, 'data-actor': def.id },
      h('h3', { id: titleId }, def.name),
      h('p', { class: 'leader' }, def.leader),
      stance,
      h(
        'dl',
        { class: 'nums' },
        h('div', null, h('dt', null, 'Willingness'), will),
        h('div', null, h('dt', null, 'Trust in you'), cred),
      ),
      pull,
      moved,
      judges,
      h('p', { class: 'agenda' }, def.agenda),
      chips,
      h('div', { class: 'card-buttons' }, toggle, decides),
      why,
    );
    return { def, card, stance, will, cred, pull, judges, moved, chips, why, toggle };
  });

  // A "Why?" region is built while it is open, and when it opens: every move used to work out
  // the reasons of all 16 actors for regions that were mostly hidden.
  let last: Session | null = null;
  function renderWhy(id: string): void {
    const c = cards.find((x) => x.def.id === id);
    const st = last?.state;
    const a = st?.actors[id];
    if (!c || !st || !a) return;
    // The "Why?" region: the public reason always, what it privately needs once sounded out.
    const sounding = [...st.log]
      .reverse()
      .find((e) => e.actor === c.def.id && e.code === 'move.sound');
    const fear = c.def.kind === 'custodian' && a.sounded ? belgiumFear(scenario, st) : null;
    // What moved its willingness at the last week's end, part by part (they add up).
    const change = a.changed ? whyChange(a.changed, custodian) : null;
    const changeId = `why-change-${c.def.id}`;
    const why = explainActor(scenario, st, c.def.id);
    // Its conditions, as its machine judges them now; what would meet those unmet is what
    // would move it (else the reasons' own words).
    const model = decisionModel(scenario, st, c.def.id);
    const parts = model ? whyParts(model) : { conditions: [], wouldMove: [] };
    const listId = `why-conditions-${c.def.id}`;
    refill(
      c.why,
      h('p', null, h('strong', null, 'Why: '), why.reason || c.def.agenda),
      parts.conditions.length
        ? [
            h('p', { id: listId, class: 'why-label' }, h('strong', null, 'Its conditions:')),
            conditionList(parts.conditions, listId),
          ]
        : null,
      parts.wouldMove.length > 1
        ? [
            h(
              'p',
              { id: `${listId}-move`, class: 'why-label' },
              h('strong', null, 'What would move it:'),
            ),
            h(
              'ul',
              { class: 'would-move', 'aria-labelledby': `${listId}-move` },
              parts.wouldMove.map((r) => h('li', null, r)),
            ),
          ]
        : (parts.wouldMove[0] ?? why.wouldMove)
          ? h(
              'p',
              null,
              h('strong', null, 'What would move it: '),
              parts.wouldMove[0] ?? why.wouldMove,
            )
          : null,
      change
        ? [
            h('p', { id: changeId, class: 'why-label' }, h('strong', null, `${change.title}:`)),
            change.parts.length
              ? h(
                  'ul',
                  { class: 'why-change', 'aria-labelledby': changeId },
                  change.parts.map((t) => h('li', null, t)),
                )
              : null,
          ]
        : null,
      a.sounded
        ? h(
            'p',
            null,
            h('strong', null, `What it told you${sounding ? ` (week ${sounding.week})` : ''}: `),
            c.def.drivers,
          )
        : h('p', { class: 'help' }, 'Sound it out to learn what it privately needs.'),
      fear
        ? h(
            'p',
            null,
            h('strong', null, 'Fear of liability: '),
            `${fear.fear} (it consents at ${fear.threshold} or less): ${fear.parts
              .filter((p) => p.points)
              .map((p) => `${p.label} ${signed(p.points)}`)
              .join(
                ', ',
              )}. Guarantees cover ${fear.coverage}% of a loan; other holders joined: ${fear.holders.length ? fear.holders.map(nameOf).join(', ') : 'none'}.`,
          )
        : null,
      h('p', null, h('strong', null, 'Holds: '), c.def.holds),
    );
  }

  const el = h(
    'section',
    { class: 'panel actors', 'aria-labelledby': 'actors-title' },
    h('h2', { id: 'actors-title' }, 'Around the table'),
    h(
      'p',
      { class: 'help legend' },
      'Stances: ',
      (['opposed', 'wary', 'conditional', 'supportive', 'committed'] as const).map((st, i) => [
        i ? ', ' : '',
        h('span', { class: `sym stance-${st}`, 'aria-hidden': 'true' }, STANCE_SYMBOL[st]),
        ` ${STANCE_LABEL[st].toLowerCase()}`,
      ]),
      '. Willingness runs from -100 to +100; trust in you also runs from -100 to +100.',
    ),
    h(
      'div',
      { class: 'actor-grid' },
      cards.map((c) => c.card),
    ),
  );

  return {
    el,
    /** Opens an actor's "Why?" and moves focus there (the canvas calls this on a click). */
    select(id: string) {
      const c = cards.find((x) => x.def.id === id);
      if (!c) return;
      c.toggle.setAttribute('aria-expanded', 'true');
      c.why.hidden = false;
      renderWhy(id);
      c.card.scrollIntoView({ block: 'nearest' });
      c.toggle.focus();
    },
    update(s) {
      last = s;
      const st = s.state;
      for (const c of cards) {
        const a = st.actors[c.def.id];
        if (!a) continue;
        if (c.card.dataset.stance !== a.stance) c.card.dataset.stance = a.stance;
        refill(
          c.stance,
          h(
            'span',
            { class: `sym stance-${a.stance}`, 'aria-hidden': 'true' },
            STANCE_SYMBOL[a.stance],
          ),
          ` ${STANCE_LABEL[a.stance]}`,
        );
        const leaders = c.def.follows.map((f) => nameOf(f.actor)).join(' and ');
        setText(c.will, signed(a.w));
        // Alliance pull, visible: the actor's own view and where its leaders drag it.
        // Its own view is its willingness without the pull of its leaders (they add up).
        const pulled = a.lift.reduce((sum, p) => (p.code === 'pull' ? sum + p.amount : sum), 0);
        setText(
          c.pull,
          pulled
            ? `Own view ${signed(a.w - pulled)}, pulled ${pulled < 0 ? 'down' : 'up'} ${Math.abs(pulled)} by ${leaders}.`
            : '',
        );
        c.pull.hidden = !c.pull.textContent;
        setText(
          c.moved,
          a.changed && a.changed.to !== a.changed.from
            ? `Moved at the end of week ${a.changed.week}: ${signed(a.changed.from)} → ${signed(a.changed.to)}.`
            : '',
        );
        c.moved.hidden = !c.moved.textContent;
        // What it judges offers on, so no reply contradicts the number above.
        const tally = offerTally(scenario, st, c.def.id);
        setText(
          c.judges,
          tally
            ? `Offers: ${offerRule(tally)}${tally.yardstick === 'willingness' ? '' : ', whatever its willingness'}.`
            : '',
        );
        c.judges.hidden = !tally;
        setText(c.cred, signed(a.credibility));

        const pledges = st.pledges.filter((p) => p.actor === c.def.id && p.status !== 'withdrawn');
        const commitment = commitmentOf(st, c.def.id);
        refill(
          c.chips,
          a.counter
            ? h(
                'li',
                { class: 'chip counter' },
                `counter-offer, until the week ends: ${describeTerms(a.counter.terms)}`,
              )
            : null,
          commitment
            ? h(
                'li',
                { class: 'chip commitment' },
                `committed: ${describeTerms(commitment.terms) || 'its support'}${commitment.condition ? ` (${commitment.condition})` : ''}`,
              )
            : null,
          pledges.map((p) =>
            p.status === 'conditional'
              ? h(
                  'li',
                  { class: 'chip conditional' },
                  `${p.amount === 0 ? 'joins, no money of its own,' : `conditional: ${bn(p.amount)}`}${p.conditionText ? ` ${p.conditionText}` : ''}`,
                )
              : h(
                  'li',
                  { class: 'chip real' },
                  p.amount === 0 ? 'joined: no money of its own' : `real: ${bn(p.amount)}`,
                ),
          ),
        );
        c.chips.hidden = c.chips.childElementCount === 0;

        if (!c.why.hidden) renderWhy(c.def.id);
      }
    },
  };
}
