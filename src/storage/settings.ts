import type { PackFile } from '../engine/packs.ts';
import type { EngineSettings } from '../engine/settings.ts';
import type { Severity } from '../engine/finding.ts';
import type { ChartlintDatabase } from './db.ts';
import type { IdentifierPrivacy } from './review-types.ts';

/** The pre-submission check, per site where the user narrows it. */
export interface GuardSettings {
  enabled: boolean;
  /** Findings of these severities stop a submission. */
  blockOn: Severity[];
  /** Labels of buttons (besides form submission) that count as submitting, as a regex source. */
  actionButtons: string;
}

/** Everything a user or facility sets on the options page. */
export interface UserSettings {
  /** Facility thresholds (verbal-order hours, co-signature roles, H&P window, ...). */
  engine: Partial<EngineSettings>;
  /** Packs switched off, by pack name. */
  disabledPacks: string[];
  /** Per rule ("pack/rule-id"): another severity, or 'off'. */
  ruleOverrides: Record<string, Severity | 'off'>;
  /** Rule packs the facility imported (validated on import and again on every load). */
  customPackFiles: PackFile[];
  guard: GuardSettings;
  /** Per origin ("https://ehr.example.org"): the guard there, where it differs. */
  guardBySite: Record<string, Partial<GuardSettings>>;
  /** Days to keep the audit trail, dismissals and the review record; 0 keeps them until erased. */
  retentionDays: number;
  /** A chart is delinquent when a deficiency is still open this many days after discharge (worklist, dashboard). */
  delinquencyDays: number;
  /** Whether the review record keeps the patient's name and MRN, or only the hashed chart key. */
  reviewIdentifiers: IdentifierPrivacy;
}

export const DEFAULT_USER_SETTINGS: UserSettings = {
  engine: {},
  disabledPacks: [],
  ruleOverrides: {},
  customPackFiles: [],
  guard: { enabled: true, blockOn: ['error'], actionButtons: String.raw`^\s*(submit|finali[sz]e|complete|sign and (submit|close|finali[sz]e))\b` },
  guardBySite: {},
  retentionDays: 365,
  delinquencyDays: 30,
  reviewIdentifiers: 'hash-identifiers',
};

const KEY = 'user';

export async function readSettings(db: ChartlintDatabase): Promise<UserSettings> {
  const stored = (await db.get('settings', KEY))?.value as Partial<UserSettings> | undefined;
  return { ...DEFAULT_USER_SETTINGS, ...stored, guard: { ...DEFAULT_USER_SETTINGS.guard, ...stored?.guard } };
}

export async function writeSettings(db: ChartlintDatabase, settings: UserSettings): Promise<void> {
  await db.put('settings', { key: KEY, value: settings });
}

/** The guard as it applies on one origin. */
export function guardFor(settings: UserSettings, origin: string): GuardSettings {
  return { ...settings.guard, ...settings.guardBySite[origin] };
}
