import { money, type Game, type GameState, type LogEntry, type Move } from '../engine';

// "If you confirm": what a move will do, before its point is spent. The engine is a pure
// function, so the preview is the move applied to the state as it is now, and its result is
// exactly what Confirm brings (test/app/preview.test.ts). Ending the week is not previewed: the
// other governments react then, with the week's chances, and that is the game itself.

export interface PreviewLine {
  /** what the line is about, for styling and tests: a structured code, never the words */
  kind: 'cost' | 'unity' | 'trust' | 'promise' | 'reply' | 'vote' | 'stance' | 'money' | 'other';
  text: string;
  /** why, when the game says why */
  reason?: string;
}

export type Preview =
  { ok: true; state: GameState; lines: PreviewLine[] } | { ok: false; reason: string };

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);
const bn = (m: number) => `EUR ${(m / 1000).toFixed(1)} bn`;

/** The lines of the log a move added, as preview lines. */
function logLines(added: readonly LogEntry[]): PreviewLine[] {
  const out: PreviewLine[] = [];
  for (const e of added) {
    if (e.kind === 'move') continue;
    const kind: PreviewLine['kind'] =
      e.code === 'decision.promise-broken'
        ? 'promise'
        : e.kind === 'reply'
          ? 'reply'
          : e.kind === 'vote'
            ? 'vote'
            : e.code === 'decision.stance'
              ? 'stance'
              : e.kind === 'money'
                ? 'money'
                : 'other';
    // A vote's reasons name every government against: the ballots line below says who, shorter.
    const reason = kind === 'vote' ? '' : e.reason;
    out.push({ kind, text: e.text, ...(reason ? { reason } : {}) });
  }
  return out;
}

/** What `move` would do now; null for ending the week (not previewed). */
export function previewMove(game: Game, state: GameState, move: Move): Preview | null {
  if (move.type === 'week.end') return null;
  let r: ReturnType<Game['play']>;
  try {
    r = game.play(state, move);
  } catch {
    return { ok: false, reason: 'The rules could not make sense of that move.' };
  }
  if (!r.ok) return { ok: false, reason: r.reason };
  const next = r.state;
  const scenario = game.scenario;
  const lines: PreviewLine[] = [];
  const cost = state.capital - next.capital;
  lines.push({
    kind: 'cost',
    text:
      cost === 0 ? 'Costs no point this week.' : `Costs ${cost} of your ${state.capital} points.`,
  });
  if (next.unity !== state.unity)
    lines.push({ kind: 'unity', text: `EU unity: ${state.unity} → ${next.unity}.` });
  const trust = scenario.actors
    .map((a) => ({
      name: a.short ?? a.name,
      delta: (next.actors[a.id]?.credibility ?? 0) - (state.actors[a.id]?.credibility ?? 0),
    }))
    .filter((t) => t.delta !== 0);
  if (trust.length)
    lines.push({
      kind: 'trust',
      text: `Your credibility: ${trust.map((t) => `${t.name} ${signed(t.delta)}`).join(', ')}.`,
    });
  lines.push(...logLines(next.log.slice(state.log.length)));
  // Who would vote how: the governments against and abstaining by name, those for by number.
  for (const v of next.votes.slice(state.votes.length)) {
    const names = (vote: string) =>
      v.ballots
        .filter((b) => b.vote === vote)
        .map((b) => scenario.states.find((s) => s.id === b.state)?.name ?? b.state);
    const yes = names('yes').length;
    const no = names('no');
    const abstain = names('abstain');
    lines.push({
      kind: 'vote',
      text: [
        `${yes} for`,
        no.length ? `against (${no.length}): ${no.join(', ')}` : 'none against',
        abstain.length ? `abstaining (${abstain.length}): ${abstain.join(', ')}` : null,
      ]
        .filter((x) => x !== null)
        .join('; ')
        .replace(/^./, (c) => c.toUpperCase())
        .concat('.'),
    });
  }
  const before = money(scenario, state);
  const after = money(scenario, next);
  if (after.secured !== before.secured || after.pledged !== before.pledged)
    lines.push({
      kind: 'money',
      text: `Money: ${bn(before.secured)} secured and ${bn(before.pledged)} pledged → ${bn(after.secured)} and ${bn(after.pledged)}.`,
    });
  return { ok: true, state: next, lines };
}
