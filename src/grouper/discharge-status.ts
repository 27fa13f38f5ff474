/**
 * How the MS-DRG grouper reads the UB-04 patient discharge status (MS-DRG Definitions Manual,
 * "Discharge status" and the neonate, AMI and alcohol/drug DRGs that test it).
 */

/**
 * Statuses the v43.1 grouper accepts. Any other value reaches the formulas as INVALID_DSTAT,
 * which makes a claim ungroupable only where a DRG depends on the status.
 */
const VALID = new Set([
  1, 2, 3, 4, 5, 6, 7, 20, 21, 30, 43, 50, 51, 61, 62, 63, 64, 65, 66, 69, 70, 81, 82, 83, 84, 85, 86, 87, 88, 89,
  90, 91, 92, 93, 94, 95,
]);
/** Transfers to another acute-care setting, tested by DRG 789 (neonates, died or transferred). */
const TRANSFER_NEONATE = new Set([2, 5, 66, 82, 85, 94]);
const DIED = 20;
const AGAINST_MEDICAL_ADVICE = 7;

export interface GrouperDischarge {
  valid: boolean;
  died: boolean;
  /** Formula operands the status sets: ALIVE, DIED, AMA, XFRNBA, INVALID_DSTAT. */
  atoms: string[];
}

/** Reads a two-digit status; anything not on the grouper's list is invalid. */
export function grouperDischarge(status: string): GrouperDischarge {
  const n = /^\d{1,2}$/.test(status) ? Number(status) : NaN;
  const valid = VALID.has(n);
  const died = valid && n === DIED;
  const atoms: string[] = [];
  if (!died) atoms.push('ALIVE');
  if (!valid) atoms.push('INVALID_DSTAT');
  if (died) atoms.push('DIED');
  if (valid && n === AGAINST_MEDICAL_ADVICE) atoms.push('AMA');
  if (valid && TRANSFER_NEONATE.has(n)) atoms.push('XFRNBA');
  return { valid, died, atoms };
}
