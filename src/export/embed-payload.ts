/**
 * The snapshot an embed or a self-contained file carries: a validated view spec plus the
 * observations it draws. A cross-site iframe cannot see the user's IndexedDB, so the data travels
 * with the chart; on the way in it is validated like any other outside input, field by field.
 */
import { GRAINS, VALUE_KINDS, type ChangeType, type Observation, type ViewSpec } from '../domain/types';
import { grainOfKey } from '../domain/period';
import { translate, type Locale } from '../domain/messages/index';
import { validateViewSpec, VIEW_SPEC_LIMITS } from './view-spec';

/** Version 1 of the snapshot. */
export interface EmbedPayload {
  version: 1;
  spec: ViewSpec;
  observations: Observation[];
}

/** The result of reading a snapshot. */
export type EmbedPayloadResult = { ok: true; payload: EmbedPayload } | { ok: false; errors: string[] };

/** Most observations one snapshot may carry (a 64 MB payload holds about this many). */
export const MAX_EMBED_OBSERVATIONS = 500_000;

/** Stop listing problems after this many; one damaged file can have a million. */
const MAX_ERRORS = 5;

const CHANGE_TYPES: readonly ChangeType[] = ['relative', 'absolute', 'points', 'multiple'];

type Raw = Readonly<Record<string, unknown>>;

const own = (raw: Raw, key: string): unknown => (Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined);

/** Field checks: each returns true when the value is acceptable (absent counts for optional fields). */
const text = (max: number, required: boolean) => (v: unknown) =>
  v === undefined ? !required : typeof v === 'string' && v.length <= max && (!required || v !== '');
const finite = (required: boolean) => (v: unknown) => (v === undefined ? !required : typeof v === 'number' && Number.isFinite(v));
const flag = (v: unknown) => v === undefined || typeof v === 'boolean';
const oneOf = (values: readonly string[]) => (v: unknown) => v === undefined || values.includes(v as string);
const period = (v: unknown) => typeof v === 'string' && v.length <= VIEW_SPEC_LIMITS.period && grainOfKey(v) !== undefined;

/** The fields a snapshot keeps, each with its check; anything else (such as `source` row refs) is dropped. */
const OBSERVATION_FIELDS: ReadonlyMap<keyof Observation, (v: unknown) => boolean> = new Map<keyof Observation, (v: unknown) => boolean>([
  ['region', text(VIEW_SPEC_LIMITS.name, true)],
  ['indicator', text(VIEW_SPEC_LIMITS.name, true)],
  ['period', period],
  ['value', finite(true)],
  ['unit', (v) => typeof v === 'string' && v.length <= 50],
  ['regionCode', text(20, false)],
  ['periodLabel', text(100, false)],
  ['grain', oneOf(GRAINS)],
  ['displayUnit', text(50, false)],
  ['kind', oneOf(VALUE_KINDS)],
  ['changeType', oneOf(CHANGE_TYPES)],
  ['approximate', flag],
  ['isTotal', flag],
  ['target', finite(false)],
  ['sourceText', text(1000, false)],
]);

/** Copy the kept fields of an observation that is already known to be valid. */
function pick(raw: Raw): Observation {
  const out: Record<string, unknown> = {};
  for (const key of OBSERVATION_FIELDS.keys()) {
    const value = own(raw, key);
    if (value !== undefined) out[key] = value;
  }
  return out as unknown as Observation;
}

/**
 * Make a snapshot of what a view draws, keeping only the fields a chart needs.
 * @example buildEmbedPayload(spec, observations) // { version: 1, spec, observations: [...] }
 */
export function buildEmbedPayload(spec: ViewSpec, observations: readonly Observation[]): EmbedPayload {
  return { version: 1, spec, observations: observations.map((o) => pick(o as unknown as Raw)) };
}

function readVersion1(raw: Raw, locale: Locale): EmbedPayloadResult {
  const errors: string[] = [];
  const specResult = validateViewSpec(own(raw, 'spec'), locale);
  if (!specResult.ok) errors.push(...specResult.errors);
  const list = own(raw, 'observations');
  if (!Array.isArray(list)) {
    errors.push(translate(locale, 'export.payload.not_list'));
    return { ok: false, errors };
  }
  if (list.length > MAX_EMBED_OBSERVATIONS) {
    errors.push(translate(locale, 'export.spec.too_many', { field: 'observations', max: MAX_EMBED_OBSERVATIONS }));
    return { ok: false, errors };
  }
  const observations: Observation[] = [];
  let problems = 0;
  list.forEach((item: unknown, index) => {
    const bad =
      typeof item !== 'object' || item === null || Array.isArray(item)
        ? 'observation'
        : [...OBSERVATION_FIELDS].find(([key, ok]) => !ok(own(item as Raw, key)))?.[0];
    if (bad === undefined) observations.push(pick(item as Raw));
    else if (++problems <= MAX_ERRORS) errors.push(translate(locale, 'export.payload.bad_observation', { n: index + 1, field: bad }));
  });
  if (problems > MAX_ERRORS) errors.push(translate(locale, 'export.payload.more_problems', { n: problems - MAX_ERRORS }));
  if (errors.length > 0 || !specResult.ok) return { ok: false, errors };
  return { ok: true, payload: { version: 1, spec: specResult.spec, observations } };
}

/** One reader per snapshot version, as for view specs. */
const READERS: ReadonlyMap<unknown, (raw: Raw, locale: Locale) => EmbedPayloadResult> = new Map([[1, readVersion1]]);

/**
 * Validate a decoded snapshot (from `decodePayload` or `readStandalonePayload`): the spec through
 * `validateViewSpec`, each observation field by field; unknown keys are dropped.
 * @example validateEmbedPayload(JSON.parse(text)) // { ok: true, payload: { version: 1, spec, observations } }
 */
export function validateEmbedPayload(input: unknown, locale: Locale = 'zh'): EmbedPayloadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [translate(locale, 'export.payload.invalid')] };
  }
  const version = own(input as Raw, 'version');
  const reader = READERS.get(version);
  if (!reader) return { ok: false, errors: [translate(locale, 'export.spec.version', { value: String(version).slice(0, 40) })] };
  return reader(input as Raw, locale);
}
