/**
 * Reads one claim (a line of claims.jsonl) from untrusted JSON, with a message naming the
 * field that is wrong. Codes are upper-cased and their dots removed, as the CMS software wants.
 */
import type { Claim, ClaimDiagnosis } from './types.ts';

export class ClaimInputError extends Error {}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const code = (value: string): string => value.replaceAll('.', '').trim().toUpperCase();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diagnosis(value: unknown, field: string): ClaimDiagnosis {
  if (typeof value === 'string') return { code: code(value), poa: '' };
  if (!isRecord(value) || typeof value.code !== 'string') throw new ClaimInputError(`${field}: expected {code, poa}`);
  if (value.poa !== undefined && typeof value.poa !== 'string') throw new ClaimInputError(`${field}.poa: expected a string`);
  return { code: code(value.code), poa: value.poa ?? '' };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ClaimInputError(`${field}: expected a string`);
  return value;
}

/** Validates and normalises one claim object. */
export function parseClaim(value: unknown): Claim {
  if (!isRecord(value)) throw new ClaimInputError('expected a JSON object');
  const age = value.age;
  if (typeof age !== 'number' || !Number.isInteger(age)) throw new ClaimInputError('age: expected an integer');
  const admitDate = text(value.admitDate, 'admitDate');
  const dischargeDate = text(value.dischargeDate, 'dischargeDate');
  if (!ISO_DATE.test(admitDate)) throw new ClaimInputError('admitDate: expected YYYY-MM-DD');
  if (!ISO_DATE.test(dischargeDate)) throw new ClaimInputError('dischargeDate: expected YYYY-MM-DD');
  const sdx = value.sdx ?? [];
  const procedures = value.procedures ?? [];
  if (!Array.isArray(sdx)) throw new ClaimInputError('sdx: expected a list');
  if (!Array.isArray(procedures) || !procedures.every((p) => typeof p === 'string')) throw new ClaimInputError('procedures: expected a list of codes');
  if (value.admitDx !== undefined && typeof value.admitDx !== 'string') throw new ClaimInputError('admitDx: expected a code');
  return {
    id: value.id === undefined ? '' : text(value.id, 'id'),
    age,
    sex: text(value.sex, 'sex').toUpperCase(),
    dischargeStatus: text(value.dischargeStatus, 'dischargeStatus'),
    admitDate,
    dischargeDate,
    pdx: diagnosis(value.pdx, 'pdx'),
    sdx: sdx.map((d, i) => diagnosis(d, `sdx[${i}]`)),
    procedures: procedures.map(code),
    ...(typeof value.admitDx === 'string' ? { admitDx: code(value.admitDx) } : {}),
  };
}
