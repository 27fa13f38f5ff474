import { csvRecord } from '../cli/csv.ts';

/** One cell: a count, a rate or a label. `null` is "not defined" (a rate over nothing). */
export type Cell = string | number | null;

/** One tabulation: what the dashboard shows beside its plot, and exports as CSV. */
export interface MetricTable {
  /** Stable id (the section's id on the dashboard, the CSV file name). */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** What every tabulation is computed against. */
export interface MetricOptions {
  /** The moment "now" (ISO), passed in so a tabulation is the same for the same record. */
  now: string;
  /** A chart is delinquent when it stays incomplete this many days after discharge. */
  delinquencyDays: number;
}

/** The table as CSV, exactly its columns and rows ("not defined" is an empty field). */
export function tableCsv(table: MetricTable): string {
  return [table.columns, ...table.rows].map((row) => csvRecord(row.map((cell) => cell ?? ''))).join('');
}

/** A share as a percentage with one decimal, or null when there is nothing to share. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO times), rounded down. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Days from `from` to `to` with one decimal, for durations that are often under a day. */
export function fractionalDays(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10;
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** The Monday (UTC) of the week a time falls in, as YYYY-MM-DD. */
export function weekOf(time: string): string {
  const date = new Date(time);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday));
  return monday.toISOString().slice(0, 10);
}

/** Counts by key, most first and then by key, so equal counts keep a stable order. */
export function countsByKey(keys: Iterable<string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
