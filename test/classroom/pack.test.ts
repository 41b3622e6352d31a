import { describe, expect, it } from 'vitest';

import { QUESTION_KINDS, debriefItems, type DebriefQuestion } from '../../src/classroom/debrief';
import {
  ASSUMED,
  PLAY_FIGURES,
  gameMinutes,
  lessonPlan,
  questionNote,
  typicalMinutes,
} from '../../src/classroom/lesson';
import { checkCode, type ClassResult } from '../../src/classroom/results';
import { classStats } from '../../src/classroom/stats';
import { slideForKey, slideLabel } from '../../src/classroom/projector';
import { scenarios } from '../../src/scenarios';
import { makeCode } from './codes';

describe('how long a game takes', () => {
  it('grows with the weeks and is a range, low below high', () => {
    let before = gameMinutes(4);
    expect(before.low).toBeLessThan(before.high);
    for (const weeks of [8, 13, 19, 30, 52]) {
      const r = gameMinutes(weeks);
      expect(r.low).toBeLessThan(r.high);
      expect(r.low).toBeGreaterThanOrEqual(before.low);
      expect(r.high).toBeGreaterThan(before.high);
      before = r;
    }
  });

  it('rests on the recorded figures: the low end is the fast reader, the high end the slow one', () => {
    const f = PLAY_FIGURES;
    const a = ASSUMED;
    const perWeekLow =
      f.actionsPerWeek.low *
        (f.pageSecondsPerAction +
          (60 * f.wordsPerAction) / a.readingWordsPerMinute.high +
          a.choosingSeconds.low) +
      f.pageSecondsPerWeekEnd +
      (60 * f.wordsPerWeekEnd) / a.readingWordsPerMinute.high;
    expect(gameMinutes(19).low).toBe(Math.floor((19 * perWeekLow) / 60));
  });
});

describe('the lesson plan', () => {
  it('is 40 minutes: briefing 5, play, hand in 3, debrief, in that order and back to back', () => {
    for (const weeks of [4, 8, 13, 19, 20, 52]) {
      const plan = lessonPlan(weeks);
      expect(plan.steps.map((s) => s.kind)).toEqual(['briefing', 'play', 'hand-in', 'debrief']);
      expect(plan.steps.reduce((n, s) => n + s.minutes, 0)).toBe(40);
      expect(plan.total).toBe(40);
      expect(plan.steps[0]!.minutes).toBe(5);
      expect(plan.steps[2]!.minutes).toBe(3);
      let at = 0;
      for (const s of plan.steps) {
        expect(s.from).toBe(at);
        at += s.minutes;
      }
      expect(plan.steps[1]!.minutes).toBeGreaterThanOrEqual(10);
      expect(plan.steps[1]!.minutes).toBeLessThanOrEqual(20);
      expect(plan.steps[3]!.minutes).toBeGreaterThanOrEqual(12);
    }
  });

  it('gives a long game 20 minutes of play and says how many weeks would fit', () => {
    const plan = lessonPlan(52);
    expect(plan.steps.map((s) => s.minutes)).toEqual([5, 20, 3, 12]);
    expect(plan.fits).toBe(false);
    expect(typicalMinutes(gameMinutes(plan.weeksThatFit))).toBeLessThanOrEqual(20);
    expect(typicalMinutes(gameMinutes(plan.weeksThatFit + 1))).toBeGreaterThan(20);
    expect(plan.steps[1]!.text).toContain(`about ${plan.weeksThatFit} weeks`);
    expect(plan.steps[1]!.text).toContain('hand in the game so far');
  });

  it('gives a short game the play it needs and the rest to the debrief', () => {
    const plan = lessonPlan(4);
    const typical = typicalMinutes(plan.game);
    expect(plan.fits).toBe(true);
    expect(plan.steps[1]!.minutes).toBe(Math.max(10, typical));
    expect(plan.steps[3]!.minutes).toBe(40 - 5 - 3 - plan.steps[1]!.minutes);
  });

  it('fits another total', () => {
    const plan = lessonPlan(19, 50);
    expect(plan.total).toBe(50);
  });
});

/** Harness games of the December Summit with a few strategies, as verified class results. */
function classResults(): ClassResult[] {
  return ['scripted', 'random', 'loan', 'joint', 'us-deal', 'scripted'].map((policy, i) => {
    const r = checkCode(makeCode({ seed: 40 + i, policy, name: `S${i}` }).code);
    if (!r.valid) throw new Error(r.reason);
    return r.result;
  });
}

describe('notes for the debrief questions', () => {
  it('cover every kind of question in every scenario, with a real answer and its sources', () => {
    for (const scenario of Object.values(scenarios)) {
      for (const kind of QUESTION_KINDS) {
        const actor = scenario.actors.find((a) => a.pivotal) ?? scenario.actors[0]!;
        const q: DebriefQuestion = {
          kind,
          text: 'A question?',
          actorId: actor.id,
          routeId: scenario.routes[0]!.id,
        };
        const note = questionNote(q, scenario);
        expect(note.kind).toBe(kind);
        expect(note.listenFor.length, `${scenario.id} ${kind}`).toBeGreaterThan(40);
        expect(note.real.length, `${scenario.id} ${kind}`).toBeGreaterThan(40);
        expect(note.sources.length, `${scenario.id} ${kind}`).toBeGreaterThan(0);
        for (const s of note.sources) expect(scenario.sources).toContain(s);
      }
    }
  });

  it('name the actor a question is about, in its own words, and the route’s terms', () => {
    const scenario = scenarios['december-summit']!;
    const belgium = questionNote({ kind: 'hardest', text: '?', actorId: 'belgium' }, scenario);
    expect(belgium.listenFor).toContain('Euroclear');
    expect(belgium.real).toMatch(/Belgium/);
    const route = questionNote({ kind: 'route', text: '?', routeId: 'reparations' }, scenario);
    expect(route.listenFor).toContain(scenario.routes.find((r) => r.id === 'reparations')!.summary);
  });

  it('follow the class’s own questions, each with a kind and a note', () => {
    const scenario = scenarios['december-summit']!;
    const items = debriefItems(classStats(classResults(), scenario), scenario);
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items[0]!.kind).toBe('money');
    expect(items.at(-1)!.kind).toBe('reality');
    for (const q of items) {
      if (q.kind === 'turned' || q.kind === 'hardest' || q.kind === 'pressure')
        expect(scenario.actors.map((a) => a.id)).toContain(q.actorId);
      expect(questionNote(q, scenario).sources.length).toBeGreaterThan(0);
    }
  });
});

describe('the projector view’s slides', () => {
  it('are the charts, then each question, moved by keys and kept in range', () => {
    expect(slideLabel(0, 5)).toBe('The class in charts');
    expect(slideLabel(2, 5)).toBe('Question 2 of 5');
    expect(slideForKey('ArrowRight', 0, 6)).toBe(1);
    expect(slideForKey('PageDown', 5, 6)).toBe(5);
    expect(slideForKey('ArrowLeft', 0, 6)).toBe(0);
    expect(slideForKey('PageUp', 3, 6)).toBe(2);
    expect(slideForKey('End', 1, 6)).toBe(5);
    expect(slideForKey('Home', 4, 6)).toBe(0);
    expect(slideForKey('a', 4, 6)).toBeNull();
  });
});
