import type { FactDefinition } from './fact.ts';

/** The facility's thresholds (EngineSettings), e.g. `{"fact": "settings", "path": "verbalOrderHours"}`. */
export const settings: FactDefinition = {
  id: 'settings',
  description: "the facility's thresholds",
  dependsOn: 'item',
  perChart: true,
  compute: (context) => context.settings,
};
