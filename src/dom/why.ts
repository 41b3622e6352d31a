import type { ConditionModel, ConditionNow, DecisionModel } from '../app/store';
import type { WillChange, WillCode } from '../engine';
import { CONDITION_NOW_LABEL } from './strings';

// What "Why?" shows of an actor's conditions, as plain data: the conditions of its machine
// (decisionModel) with how each stands now, and what would move it, from the remedies of those
// unmet. Kept apart from the DOM so that it is tested without a browser.

export interface WhyCondition {
  text: string;
  now: ConditionNow;
  /** "Met", "Unmet" or "Not at stake now" */
  status: string;
  /** "red line", "what-if", "decides its vote" */
  marks: string[];
  remedy: string;
}

export interface WhyParts {
  conditions: WhyCondition[];
  /** the remedies of its unmet conditions at stake, once each; empty when none is unmet */
  wouldMove: string[];
}

/** The marks a condition carries besides its text. */
export function conditionMarks(c: ConditionModel): string[] {
  return [
    c.redLine ? 'red line' : '',
    c.whatIf ? 'what-if' : '',
    c.ballot ? 'decides its vote' : '',
  ].filter(Boolean);
}

export function whyCondition(c: ConditionModel): WhyCondition {
  return {
    text: c.text,
    now: c.now,
    status: CONDITION_NOW_LABEL[c.now],
    marks: conditionMarks(c),
    remedy: c.remedy,
  };
}

export function whyParts(model: DecisionModel): WhyParts {
  const wouldMove: string[] = [];
  for (const c of model.conditions)
    if (c.now === 'unmet' && c.remedy && !wouldMove.includes(c.remedy)) wouldMove.push(c.remedy);
  return { conditions: model.conditions.map(whyCondition), wouldMove };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What a part of a change of willingness is, in words; absent: its cause says it. */
const WILL_WORDS: Partial<Record<WillCode, string>> = {
  'weekly-cap': 'effects are capped at 25 a week',
  drift: 'drifting back toward its usual view',
  chance: "the week's ups and downs (chance)",
  held: 'held up by its commitment',
  limit: 'kept within -100 to +100',
  fear: 'its fear of liability',
  price: 'its price for a yes',
  'market-stress': 'market stress',
  'legal-robustness': "the loan's legal robustness",
  'g7-line': 'a common G7 line',
  'partners-joined': 'partners that joined',
  'eu-decided': 'an EU decision',
  reforms: "Ukraine's reforms",
};

/**
 * How an actor's willingness changed at the last week's end, as a heading and one line per
 * part ("The pull of United States -4"); the parts add up to the change.
 */
export function whyChange(c: WillChange, custodian = 'The custodian') {
  const moved = c.to - c.from;
  return {
    title: `At the end of week ${c.week}: ${signed(c.from)} → ${signed(c.to)} (${moved ? signed(moved) : 'no change'})`,
    parts: c.parts.map((p) => {
      const text =
        p.code === 'pull'
          ? `The pull of ${p.cause}`
          : p.code === 'event'
            ? `Event: ${p.cause}`
            : p.code === 'custodian-yes'
              ? `${custodian} saying yes`
              : (WILL_WORDS[p.code] ?? p.cause);
      return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${signed(p.amount)}`;
    }),
  };
}
