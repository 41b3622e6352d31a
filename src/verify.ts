import { readFileSync } from 'node:fs';

import type { Rejected, Verified } from './share';

// npm run verify -- <code-or-link>
// npm run verify -- --file <path>      (one code or replay link per line; "-" reads stdin)
//
// Replays a result code (or a replay link holding one, "...#r=CODE") with the engine and says
// whether it is genuine (src/share's verifyResult).
//
// stdout: one JSON object per code, on one line (`npm run -s verify` keeps npm's banner out).
//   valid:   {"valid":true,"scenario":..,"difficulty":..,"seed":..,"name":..,"outcome":..,
//             "securedBn":..,"grade":..,"score":..,"week":..,"moveCount":..,"hints":..,
//             "classTag":..,"stateHash":..}
//   invalid: {"valid":false,"reason":".."}
//   With --file every non-empty line gets one object, in order, with its 1-based line number
//   ("line") after "valid"; empty lines are skipped but still counted.
// stderr: nothing when every code is valid. A single invalid code: its reason, on one line. With
//   --file: one summary line when some lines are invalid. Never a stack trace.
// Exit status: 0 every code valid; 1 a code (or a line of the file) is not valid; 2 bad usage
//   (no argument, unknown option, unreadable or empty file); 3 an unexpected internal error.

const USAGE = 'usage: npm run verify -- <code-or-link> | --file <path>';

type Args =
  | { kind: 'help' }
  | { kind: 'code'; text: string }
  | { kind: 'file'; path: string }
  | { kind: 'usage'; message: string };

/**
 * Hand-rolled on purpose: a result code may start with "-" (it is base64url), so only "--file",
 * "--help"/"-h" and "--" are options; anything else starting with "--" is refused.
 */
function readArgs(argv: readonly string[]): Args {
  const positionals: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--file' || a.startsWith('--file=')) {
      if (file !== undefined) return { kind: 'usage', message: '--file is given twice' };
      const value = a === '--file' ? argv[++i] : a.slice('--file='.length);
      if (value === undefined || value === '')
        return { kind: 'usage', message: '--file needs a path' };
      file = value;
      continue;
    }
    if (a.startsWith('--')) return { kind: 'usage', message: `unknown option ${oneLine(a)}` };
    positionals.push(a);
  }
  if (file !== undefined) {
    if (positionals.length)
      return { kind: 'usage', message: 'give either a code or --file, not both' };
    return { kind: 'file', path: file };
  }
  if (positionals.length === 0) return { kind: 'usage', message: 'no code given' };
  if (positionals.length > 1)
    return { kind: 'usage', message: 'one code at a time (use --file for several)' };
  return { kind: 'code', text: positionals[0]! };
}

/** Text squeezed onto one short line, safe to print. */
function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function errorText(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}

type Line = Record<string, unknown>;

function summary(v: Verified | Rejected, line?: number): Line {
  const at = line === undefined ? {} : { line };
  if (!v.valid) return { valid: false, ...at, reason: oneLine(v.reason) };
  const { valid: _valid, moves, state: _state, fork, ...fields } = v;
  // A fork: where it began and how its base ended, not the base's moves and state.
  const base = fork && {
    fork: {
      from: fork.kind === 'history' ? 'the real path' : 'another game',
      week: fork.week,
      baseOutcome: fork.baseState.ending?.outcome ?? 'unfinished',
      baseGrade: fork.baseState.ending?.grade ?? null,
      baseMoveCount: fork.base.length,
    },
  };
  return { valid: true, ...at, ...fields, moveCount: moves.length, ...base };
}

function readInput(path: string): string {
  // fd 0 is stdin
  const text = readFileSync(path === '-' ? 0 : path, 'utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = readArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'usage') {
    process.stderr.write(`verify: ${args.message} (${USAGE})\n`);
    return 2;
  }

  let text = '';
  if (args.kind === 'file') {
    try {
      text = readInput(args.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      process.stderr.write(
        `verify: cannot read ${oneLine(args.path)}${code ? ` (${code})` : `: ${errorText(error)}`}\n`,
      );
      return 2;
    }
  }

  // Loaded here, not at the top, so that even a failure while loading the game is caught below.
  const { verifyResult } = await import('./share');

  if (args.kind === 'code') {
    const v = verifyResult(args.text);
    process.stdout.write(`${JSON.stringify(summary(v))}\n`);
    if (v.valid) return 0;
    process.stderr.write(`verify: ${oneLine(v.reason)}\n`);
    return 1;
  }

  const out: string[] = [];
  let checked = 0;
  let invalid = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    checked++;
    let v: Verified | Rejected;
    try {
      v = verifyResult(line);
    } catch (error) {
      // verifyResult never throws by contract; if it ever does, one bad line must not hide the rest.
      v = { valid: false, reason: `internal error: ${errorText(error)}` };
    }
    if (!v.valid) invalid++;
    out.push(`${JSON.stringify(summary(v, i + 1))}\n`);
  }
  if (checked === 0) {
    process.stderr.write(`verify: no codes in ${oneLine(args.path)}\n`);
    return 2;
  }
  process.stdout.write(out.join(''));
  if (invalid > 0) {
    process.stderr.write(`verify: ${invalid} of ${checked} lines are not valid result codes\n`);
    return 1;
  }
  return 0;
}

// A closed pipe (e.g. `| head -1`) ends the command quietly instead of with an error trace.
process.stdout.on('error', () => process.exit(process.exitCode ?? 0));

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`verify: unexpected error: ${errorText(error)}\n`);
    process.exitCode = 3;
  },
);
