// The share layer's public surface: result codes, links and game options.
export {
  CODE_VERSION,
  codeOf,
  MAX_CODE_LENGTH,
  SCENARIO_CODES,
  decodeResult,
  encodeResult,
  rulesTag,
  verifyResult,
  type Decoded,
  type EncodeInput,
  type Outcome,
  type Rejected,
  type ResultCodeData,
  type Verified,
} from './code';
export {
  dailyLink,
  dailySeed,
  gameLink,
  parseRoute,
  replayLink,
  teacherLink,
  type GameLink,
  type Route,
} from './links';
export {
  classTag,
  cleanLabel,
  cleanName,
  DEFAULT_OPTIONS,
  MAX_LABEL,
  MAX_NAME,
  type GameOptions,
} from './options';
