import { applyOverrides } from '../engine/apply-overrides.ts';
import { createEvaluator, type Evaluator } from '../engine/evaluate.ts';
import { loadPacks, type PackError, type PackFile } from '../engine/packs.ts';
import { DEFAULT_USER_SETTINGS, readSettings, type UserSettings } from '../storage/settings.ts';
import { BUNDLED_PACK_FILES } from './bundled-packs.ts';
import { database } from '../storage/database.ts';

export interface LoadedRules {
  evaluator: Evaluator;
  /** Files and rules that did not load; the others run. */
  packErrors: PackError[];
  settings: UserSettings;
  /** "pack/rule" of every rule that runs (packs on, rules not off): what a read can judge. */
  runningRules: ReadonlySet<string>;
}

let loading: Promise<LoadedRules> | undefined;

/** The evaluator for the current settings, built once and rebuilt only when settings change. */
export function loadedRules(): Promise<LoadedRules> {
  loading ??= build();
  return loading;
}

/** Call after the settings changed: the next evaluation uses the new packs and thresholds. */
export function reloadRules(): Promise<LoadedRules> {
  loading = build();
  return loading;
}

async function build(): Promise<LoadedRules> {
  const settings = await readSettings(await database()).catch((error: unknown) => {
    console.warn('chartlint: could not read settings; using the defaults', error);
    return undefined;
  });
  const used = settings ?? DEFAULT_USER_SETTINGS;
  const { packs, errors } = loadPacks(withCustomPacks(BUNDLED_PACK_FILES, used.customPackFiles));
  for (const error of errors) console.warn(`chartlint: rule pack ${error.pack}, ${error.file}${error.rule ? `, rule ${error.rule}` : ''}: ${error.message}`);
  const configured = applyOverrides(packs, used.disabledPacks, used.ruleOverrides);
  const runningRules = new Set(configured.flatMap((pack) => pack.rules.map((rule) => `${pack.name}/${rule.id}`)));
  return { evaluator: createEvaluator(configured, used.engine), packErrors: errors, settings: used, runningRules };
}

/** A facility's file replaces the shipped file of the same pack and rule; new ones are added. */
export function withCustomPacks(bundled: PackFile[], custom: PackFile[]): PackFile[] {
  const byPath = new Map(bundled.map((file) => [file.path, file]));
  for (const file of custom) byPath.set(file.path, file);
  return [...byPath.values()];
}
