/**
 * The revision of the rules written in code (the engine, the actors and the score), as opposed to
 * the rules written as scenario data. Bump it whenever a change in code changes the result of a
 * game that was already possible: a final state, so its hash, outcome, score or grade. Result
 * codes carry a tag of it together with the scenario's data (src/share/code.ts, rulesTag), so a
 * code made before the change is reported as made with an earlier version of the game instead of
 * as edited.
 *
 *   1: the first rules (codes made before revisions had a number carry this one's tag).
 *   2: the score puts money first (a game that secured nothing never scores or grades above one
 *      that secured money); promises hold at all times and money is counted once; the engine
 *      is generic (scenario rules as data) and its log lines carry codes.
 *   3: the actors' conditions and red lines are guards of their machines (a commitment holds
 *      for its own route only, a red line is a no in any vote), pressure moves each actor by
 *      its own measure, a pledge of no money counts as a holder joining and not as money.
 *   4: a seed makes one world whatever is played in it: every draw (a week's events and moods,
 *      a government's mood at an offer) comes from the seed's key and the week, not from one
 *      stream that each offer advanced.
 *   5: one number per thing and counter-offers that can be taken: a reply to an offer is told
 *      from the willingness on the actor's card, part by part; every actor keeps how its
 *      willingness changed at the week's end (changed) and what its leaders' pull adds (lift);
 *      an actor counters only with terms it would accept at once, and the counter stands for
 *      the week (counter.accept takes it).
 *
 * test/engine/rules-revision.test.ts pins the results of the current revision: it fails when a
 * change in code changes a result, until this number is raised.
 */
export const RULES_REVISION = 5;
