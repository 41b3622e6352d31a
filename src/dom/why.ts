import type { ConditionModel, ConditionNow, DecisionModel } from '../app/store';
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
