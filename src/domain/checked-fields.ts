/**
 * Reading outside input field by field: a saved page's document, its ledger slides, boundaries and
 * 按地区 facts are JSON someone may have edited. Only a plain object's own keys are read (never
 * an inherited `__proto__` or `toString`), and each reader then checks every field's type and
 * length before keeping it. One module, so every reader of a saved page checks fields alike.
 */

/** A decoded JSON object, read only. */
export type Raw = Readonly<Record<string, unknown>>;

/**
 * Whether a value is a plain JSON object (not null, not an array).
 * @example isRecord({ a: 1 }) // true
 * @example isRecord([1]) // false
 */
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A key's value only when the object has it as its own.
 * @example own({ a: 1 }, 'toString') // undefined
 */
export const own = (raw: Raw, key: string): unknown => (Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined);

/**
 * The own values of `keys` (undefined where absent), or undefined when `raw` is not an object.
 * @example fieldsOf({ title: '汇报', x: 1 }, ['title', 'subtitle'] as const) // { title: '汇报', subtitle: undefined }
 */
export function fieldsOf<K extends string>(raw: unknown, keys: readonly K[]): Record<K, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  const out = {} as Record<K, unknown>;
  for (const key of keys) out[key] = own(raw, key);
  return out;
}

/**
 * A string of at most `max` characters.
 * @example isText('汇报', 10) // true
 */
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * Absent, or a string of at most `max` characters.
 * @example optionalText(undefined, 10) // true
 */
export const optionalText = (v: unknown, max: number): v is string | undefined => v === undefined || isText(v, max);

/**
 * A finite number (not NaN, not ±Infinity).
 * @example isFiniteNumber(Infinity) // false
 */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
