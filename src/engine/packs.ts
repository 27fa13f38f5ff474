import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { Engine } from 'json-rules-engine';
import schema from '../../rules/schema.json' with { type: 'json' };
import { asEngineConditions, checkConditions, inlineReferences, type ConditionNode } from './conditions.ts';
import { FACTS } from './facts/index.ts';
import { OPERATORS } from './operators/index.ts';
import { isValidPath } from './path.ts';
import type { RulePack, RuleSpec } from './rule.ts';
import { templatePaths } from './template.ts';

/** One file of a rule pack; `path` is relative to rules/, e.g. 'authentication/document-unsigned.json'. */
export interface PackFile {
  path: string;
  text: string;
}

/** Why a pack, file or rule was not loaded. The other rules and packs still load. */
export interface PackError {
  pack: string;
  file: string;
  rule?: string;
  message: string;
}

interface PackMeta {
  name: string;
  description?: string;
  conditions?: Record<string, ConditionNode>;
}

// @cfworker/json-schema interprets the schema; it compiles nothing, so it runs under the MV3 CSP.
const ruleValidator = new Validator(schema as never, '2020-12', false);
const packValidator = new Validator({ $ref: `${schema.$id}#/$defs/pack` }, '2020-12', false);
packValidator.addSchema(schema as never);

/**
 * Parses and validates rule packs. Each file is one rule (or a pack's pack.json); a file that
 * is not valid JSON, breaks the schema, names an unknown fact or operator, has a bad path, or
 * that json-rules-engine refuses, becomes a PackError naming pack, file and rule.
 */
export function loadPacks(files: PackFile[]): { packs: RulePack[]; errors: PackError[] } {
  const errors: PackError[] = [];
  const byPack = new Map<string, PackFile[]>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const [pack, name, ...rest] = file.path.split('/');
    if (!pack || !name || rest.length > 0 || !name.endsWith('.json')) {
      errors.push({ pack: pack ?? '', file: file.path, message: 'expected a path like <pack>/<rule-id>.json' });
      continue;
    }
    byPack.set(pack, [...(byPack.get(pack) ?? []), file]);
  }
  const packs: RulePack[] = [];
  for (const [name, packFiles] of byPack) {
    const metaFile = packFiles.find((f) => f.path.endsWith('/pack.json'));
    const meta = metaFile ? readMeta(name, metaFile, errors) : { name };
    const rules: RuleSpec[] = [];
    for (const file of packFiles) {
      if (file === metaFile) continue;
      const rule = readRule(name, file, meta?.conditions ?? {}, errors);
      if (rule) rules.push(rule);
    }
    packs.push({ name, description: meta?.description, rules });
  }
  return { packs, errors };
}

function readMeta(pack: string, file: PackFile, errors: PackError[]): PackMeta | undefined {
  const json = parse(pack, file, undefined, errors);
  if (json === undefined) return undefined;
  const result = packValidator.validate(json);
  if (!result.valid) {
    errors.push({ pack, file: file.path, message: `pack.json does not match the schema: ${describeSchemaErrors(result.errors)}` });
    return undefined;
  }
  const meta = json as PackMeta;
  if (meta.name !== pack) {
    errors.push({ pack, file: file.path, message: `pack.json names the pack "${meta.name}" but its folder is "${pack}"` });
  }
  return meta;
}

function readRule(pack: string, file: PackFile, shared: Record<string, ConditionNode>, errors: PackError[]): RuleSpec | undefined {
  const fileId = file.path.slice(pack.length + 1, -'.json'.length);
  const json = parse(pack, file, fileId, errors);
  if (json === undefined) return undefined;
  const fail = (message: string) => {
    errors.push({ pack, file: file.path, rule: fileId, message });
    return undefined;
  };
  const result = ruleValidator.validate(json);
  if (!result.valid) return fail(`does not match rules/schema.json: ${describeSchemaErrors(result.errors)}`);
  const rule = json as RuleSpec;
  if (rule.id !== fileId) return fail(`id "${rule.id}" differs from the file name "${fileId}"`);
  if (rule.pack !== pack) return fail(`pack "${rule.pack}" differs from the folder "${pack}"`);
  let conditions: ConditionNode;
  try {
    conditions = inlineReferences(rule.conditions, shared);
  } catch (error) {
    return fail((error as Error).message);
  }
  const factIds = new Set(FACTS.keys());
  const problems = checkConditions(conditions, factIds, OPERATORS);
  for (const path of [...(rule.evidence ?? []), ...(rule.codesFrom ? [rule.codesFrom] : []), ...templatePaths(rule.message), ...templatePaths(rule.detail ?? ''), ...templatePaths(rule.query ?? '')]) {
    const fact = path.split('.')[0]!;
    if (!isValidPath(path)) problems.push(`bad path "${path}" in message or evidence`);
    else if (!factIds.has(fact)) problems.push(`unknown fact "${fact}" in message or evidence`);
  }
  if (problems.length > 0) return fail(problems.join('; '));
  try {
    // json-rules-engine's own checks of the condition tree.
    new Engine([], { allowUndefinedFacts: true }).addRule({ name: rule.id, conditions: asEngineConditions(conditions), event: { type: rule.id } });
  } catch (error) {
    return fail(`json-rules-engine refuses the conditions: ${(error as Error).message}`);
  }
  return { ...rule, conditions: asEngineConditions(conditions) };
}

function parse(pack: string, file: PackFile, rule: string | undefined, errors: PackError[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    errors.push({ pack, file: file.path, rule, message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

const STRUCTURAL = new Set(['properties', 'items', '$ref', 'if', 'then', 'else', 'false', 'allOf', 'anyOf', 'oneOf', 'additionalProperties']);

/** The specific schema errors (not the "a subschema had errors" chain), located. */
function describeSchemaErrors(errors: OutputUnit[]): string {
  const specific = errors.filter((e) => !STRUCTURAL.has(e.keyword));
  const extra = errors.filter((e) => e.keyword === 'false').map((e) => ({ ...e, error: 'property not allowed' }));
  const shown = [...specific, ...extra].slice(0, 3);
  if (shown.length === 0) return errors[0]?.error ?? 'invalid';
  return shown.map((e) => `${e.instanceLocation.replace(/^#/, '') || '/'}: ${e.error}`).join('; ');
}
