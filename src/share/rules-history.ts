// The rules tags (code.ts rulesTag) of the versions of each scenario that shipped before this
// one. A code whose tag is here was made with an earlier version of the game: it is told so, not
// that it was edited. Read off the project's history (every commit that changed a scenario or
// the tag since the tag exists).
//
// NOTE: when a change of the rules (a scenario's data, or RULES_REVISION) changes a scenario's
// tag, add the tag it had before here, or the codes already shared are no longer recognised
// (test/share/old-codes.test.ts pins the current tags and fails until this list is updated).

export const EARLIER_TAGS: Readonly<Record<string, readonly number[]>> = {
  'december-summit': [0x0ab4, 0x9cdf, 0x80e8, 0x76a6],
  'washington-talks': [0xa045, 0xc0db, 0x7628, 0x08eb],
  'london-talks': [0x5764, 0x7750, 0x2ba7, 0x4511, 0x3252],
};
