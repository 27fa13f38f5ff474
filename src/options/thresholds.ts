import { DEFAULT_SETTINGS, type EngineSettings } from '../engine/settings.ts';

/** One threshold field on the options page. */
export interface ThresholdField {
  key: keyof EngineSettings;
  label: string;
  unit: 'hours' | 'days' | 'roles';
}

/** The facility thresholds, in the order the page shows them. */
export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  { key: 'verbalOrderHours', label: 'Verbal and telephone orders authenticated within', unit: 'hours' },
  { key: 'cosignatureRoles', label: 'Roles and credentials whose notes need a co-signature (comma-separated)', unit: 'roles' },
  { key: 'hpMaxDaysBeforeAdmission', label: 'H&P done at most this long before admission', unit: 'days' },
  { key: 'hpMaxHoursAfterAdmission', label: 'H&P done at most this long after admission', unit: 'hours' },
  { key: 'hpUpdateNeededAfterHours', label: 'H&P older than this at admission needs an update note', unit: 'hours' },
  { key: 'hpUpdateWithinHours', label: 'Update note due within this long after admission', unit: 'hours' },
  { key: 'anesthesiaPreHours', label: 'Pre-anesthesia evaluation within this long before the procedure', unit: 'hours' },
  { key: 'anesthesiaPostHours', label: 'Post-anesthesia evaluation within this long after the procedure', unit: 'hours' },
  { key: 'operativeReportHours', label: 'Operative report expected within this long after the procedure', unit: 'hours' },
];

/** The form's text for a threshold: the facility's value, or '' to show the default. */
export function thresholdText(overrides: Partial<EngineSettings>, key: keyof EngineSettings): string {
  const value = overrides[key];
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The default of a threshold as the page shows it. */
export function defaultText(key: keyof EngineSettings): string {
  const value = DEFAULT_SETTINGS[key];
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Reads the threshold form. A blank field means "use the default" and is left out; numbers must
 * be positive; the role list must name at least one role. Returns the overrides, or the errors
 * by field when any field is wrong.
 */
export function parseThresholds(form: Partial<Record<keyof EngineSettings, string>>): { values: Partial<EngineSettings>; errors: Partial<Record<keyof EngineSettings, string>> } {
  const values: Partial<Record<keyof EngineSettings, number | string[]>> = {};
  const errors: Partial<Record<keyof EngineSettings, string>> = {};
  for (const { key, unit } of THRESHOLD_FIELDS) {
    const text = (form[key] ?? '').trim();
    if (text === '') continue;
    if (unit === 'roles') {
      const roles = text.split(',').map((role) => role.trim()).filter(Boolean);
      if (roles.length === 0) errors[key] = 'Name at least one role, or leave the field blank for the default.';
      else values[key] = roles;
      continue;
    }
    const number = Number(text);
    if (!Number.isFinite(number) || number <= 0) errors[key] = `Enter a positive number of ${unit}.`;
    else values[key] = number;
  }
  return { values: values as Partial<EngineSettings>, errors };
}
