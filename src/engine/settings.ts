/**
 * Thresholds that facilities set differently (state law, medical-staff bylaws). Rules read them
 * through the `settings` fact, so a facility changes a number here, never a rule file.
 */
export interface EngineSettings {
  /** Hours within which a verbal or telephone order must be authenticated (42 CFR 482.24(c)(2)). */
  verbalOrderHours: number;
  /**
   * Author roles or credentials whose notes need a co-signature, matched as whole words,
   * case-insensitive, against the author's role and credentials.
   */
  cosignatureRoles: string[];
  /** An H&P may be done at most this many days before admission (42 CFR 482.22(c)(5)). */
  hpMaxDaysBeforeAdmission: number;
  /** ... and at most this many hours after admission. */
  hpMaxHoursAfterAdmission: number;
  /** An H&P done more than this many hours before admission needs an update note. */
  hpUpdateNeededAfterHours: number;
  /** The update note is due within this many hours after admission. */
  hpUpdateWithinHours: number;
  /** Pre-anesthesia evaluation within this many hours before the procedure (42 CFR 482.52(b)(1)). */
  anesthesiaPreHours: number;
  /** Post-anesthesia evaluation within this many hours after the procedure (42 CFR 482.52(b)(3)). */
  anesthesiaPostHours: number;
  /** Hours after a procedure by which its operative report is expected (bylaws; "immediately"). */
  operativeReportHours: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  verbalOrderHours: 48,
  cosignatureRoles: [
    'resident', 'intern', 'fellow', 'house officer', 'medical student',
    'nurse practitioner', 'NP', 'APRN', 'FNP', 'ACNP', 'physician assistant', 'PA', 'PA-C',
  ],
  hpMaxDaysBeforeAdmission: 30,
  hpMaxHoursAfterAdmission: 24,
  hpUpdateNeededAfterHours: 24,
  hpUpdateWithinHours: 24,
  anesthesiaPreHours: 48,
  anesthesiaPostHours: 48,
  operativeReportHours: 24,
};

/** Defaults with the facility's overrides on top. */
export function resolveSettings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}
