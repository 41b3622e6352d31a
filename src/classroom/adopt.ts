import { getScenario, normaliseVariant, variantKey } from '../scenarios';
import { classTag, parseRoute } from '../share';
import type { ClassResult } from './results';
import { differences, fitPrompt, validateSession, type ClassSession } from './session';

// When most of a class's codes were played on one game that is not the page's (another
// device, a new random seed after the link went out), the page offers to switch to it; a class
// link pasted anywhere on the page restores its set-up. Pure: the page shows and applies them.

/** An offer to switch the class game to the one most codes came from. */
export interface Adoption {
  session: ClassSession;
  /** codes played on it, of `total` verified codes */
  count: number;
  total: number;
  /** how it differs from the page's ("seed 12 not 34") */
  changes: string[];
}

/** The class game a verified result was played on, or null for a what-if of another game. */
function gameOf(r: ClassResult, s: ClassSession): ClassSession | null {
  if (r.fork?.kind === 'game') return null;
  const scenario = getScenario(r.scenario);
  if (!scenario) return null;
  const { from: _from, ...rest } = s;
  return {
    ...rest,
    scenarioId: r.scenario,
    seed: r.seed,
    difficulty: r.difficulty,
    hints: r.hints,
    variant: normaliseVariant(scenario, r.variant),
    ...(r.fork ? { from: r.fork.week } : {}),
  };
}

/** What makes two class games the same, apart from the class label. */
export function gameKey(s: ClassSession): string {
  return [s.scenarioId, s.seed, s.difficulty, s.hints, variantKey(s.variant), s.from ?? ''].join(
    '|',
  );
}

/**
 * The game to offer: the one more than half of the verified results (and at least 3) were
 * played on, when it is not the page's. Null when there is nothing to offer.
 */
export function adoption(results: readonly ClassResult[], s: ClassSession): Adoption | null {
  const counts = new Map<string, { session: ClassSession; result: ClassResult; count: number }>();
  for (const r of results) {
    const game = gameOf(r, s);
    if (!game) continue;
    const key = gameKey(game);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { session: game, result: r, count: 1 });
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  if (!top || top.count < 3 || top.count * 2 <= results.length) return null;
  const session = fitPrompt(top.session);
  if (gameKey(session) === gameKey(s)) return null;
  // The label is not part of the game: codes carry only a tag of it, so it is left as it is.
  const changes = differences({ ...top.result, classTag: classTag(s.classLabel) }, s);
  return { session, count: top.count, total: results.length, changes };
}

/**
 * The class game of the first class link (a "#play?…" link) in a text, with the lines that
 * held class links; null when there is none. A link that cannot be played is ignored here (the
 * check says what is wrong with it).
 */
export function classLinkIn(
  text: string,
  today: string,
): { session: ClassSession; lines: number[] } | null {
  let session: ClassSession | null = null;
  const lines: number[] = [];
  text.split(/\r\n|\r|\n/u).forEach((line, i) => {
    const m = /#play\?[^\s"'<>,;]*/u.exec(line);
    if (!m) return;
    const route = parseRoute(m[0], today);
    if (route.kind !== 'play') return;
    const { link } = route;
    const read = validateSession({
      v: 1,
      scenarioId: link.scenarioId,
      seed: link.seed,
      difficulty: link.difficulty,
      hints: link.options.hints,
      classLabel: link.options.classLabel,
      variant: link.options.variant ?? {},
      ...(link.from !== undefined ? { from: link.from } : {}),
    });
    if (typeof read === 'string') return;
    lines.push(i + 1);
    session ??= read;
  });
  return session ? { session, lines } : null;
}

/** The text with the given lines (1-based) blanked, so the other lines keep their numbers. */
export function blankLines(text: string, lines: readonly number[]): string {
  const drop = new Set(lines);
  return text
    .split(/\r\n|\r|\n/u)
    .map((l, i) => (drop.has(i + 1) ? '' : l))
    .join('\n');
}

/** Whether a change of the class game changes what students who have the link play. */
export function changesTheGame(a: ClassSession, b: ClassSession): boolean {
  return gameKey(a) !== gameKey(b) || a.classLabel !== b.classLabel;
}
