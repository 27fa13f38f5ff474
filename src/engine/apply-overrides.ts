import type { Severity } from './finding.ts';
import type { RulePack } from './rule.ts';

/**
 * The packs as a facility configured them: switched-off packs and rules left out, severities
 * changed where it asked. Rule files stay as shipped; this is applied on every load.
 */
export function applyOverrides(packs: RulePack[], disabledPacks: string[], ruleOverrides: Record<string, Severity | 'off'>): RulePack[] {
  return packs
    .filter((pack) => !disabledPacks.includes(pack.name))
    .map((pack) => ({
      ...pack,
      rules: pack.rules
        .filter((rule) => ruleOverrides[`${pack.name}/${rule.id}`] !== 'off')
        .map((rule) => {
          const override = ruleOverrides[`${pack.name}/${rule.id}`];
          return override && override !== 'off' ? { ...rule, severity: override } : rule;
        }),
    }));
}
