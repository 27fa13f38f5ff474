/**
 * Whether a value counts as "nothing there": undefined, null, blank text, an empty list, a
 * Field or Person whose text is blank, or an object with nothing present in it.
 */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('value' in record) return isBlank(record.value);
    if ('name' in record && typeof record.name === 'object') return isBlank(record.name);
    return Object.values(record).every(isBlank);
  }
  return false;
}
