/**
 * MCE procedure edits (CMS Medicare Code Editor definitions: non-covered, limited coverage,
 * questionable obstetric admission, inconsistent with length of stay). Coverage often depends on
 * the rest of the claim: a pancreas transplant is covered with a kidney transplant or type 1
 * diabetes; an artificial heart (both components) only in a clinical trial (Z00.6); some
 * procedures are non-covered beside certain diagnoses or above an age.
 */

export interface ClaimContext {
  dxFlags: ReadonlySet<string>;
  sdxFlags: ReadonlySet<string>;
  procFlags: ReadonlySet<string>;
  age: number;
  lengthOfStay: number;
}

/** Procedures that are non-covered when a diagnosis with the same flag is on the claim. */
const NONCOVERED_WITH_DX = ['ncov6', 'ncov7', 'ncov_z302'];
/** Disc replacement (ncov12agele60) is covered up to this age. */
const DISC_REPLACEMENT_MAX_AGE = 60;
/** Mechanical ventilation > 96 hours (flag los) needs a stay of at least this many days
 * (CMS MCE: 96 hours of ventilation do not fit in a stay of under four full days plus admission). */
const MIN_VENTILATION_STAY = 5;

function artificialHeart(flags: readonly string[], ctx: ClaimContext): boolean {
  return (
    (flags.includes('lcov_artheartxpa') || flags.includes('lcov_artheartxpb')) &&
    ctx.procFlags.has('lcov_artheartxpa') &&
    ctx.procFlags.has('lcov_artheartxpb')
  );
}

export function procEdits(flags: readonly string[], ctx: ClaimContext): string[] {
  const edits: string[] = [];
  const nonCovered =
    flags.includes('noncovered') ||
    (flags.includes('ncov45') && !ctx.procFlags.has('kidneyxp') && !ctx.dxFlags.has('diabtypeI')) ||
    (flags.includes('ncov12agele60') && (ctx.age < 0 || ctx.age > DISC_REPLACEMENT_MAX_AGE)) ||
    NONCOVERED_WITH_DX.some((f) => flags.includes(f) && ctx.dxFlags.has(f)) ||
    (artificialHeart(flags, ctx) && !ctx.dxFlags.has('clintrial'));
  if (nonCovered) edits.push('NON_COVERED');
  else if (flags.includes('lcov') || (artificialHeart(flags, ctx) && ctx.dxFlags.has('clintrial'))) edits.push('LIMITED_COVERAGE');
  if ((flags.includes('csect') || flags.includes('vagdel')) && !ctx.sdxFlags.has('delout')) edits.push('QUESTIONABLE_OBSTETRIC_ADMISSION');
  if (flags.includes('los') && ctx.lengthOfStay < MIN_VENTILATION_STAY) edits.push('INCONSISTENT_WITH_LENGTH_OF_STAY');
  return edits;
}
