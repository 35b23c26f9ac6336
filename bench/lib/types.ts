/**
 * The shape every scenario shares. A scenario is a small module exporting { name, run(ctx) };
 * each row it returns puts one measured figure beside a baseline measured in the same run.
 */

export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run ('' when there is none). */
  baseline: string;
  baselineValue: number | null;
  /** The goal in words ('' when there is none). */
  target: string;
  /** Pass or fail against the target; null when there is no target. */
  pass: boolean | null;
}

export interface Ctx {
  /** --full: county-scale runs (slower). */
  full: boolean;
  /** Admin URL of the PostgreSQL server, or null when it cannot be reached (PostgreSQL rows are skipped). */
  pgUrl: string | null;
  /** Progress to stderr; the table goes to stdout. */
  log(message: string): void;
}

export interface Scenario {
  name: string;
  /** One line for --list and docs. */
  description: string;
  run(ctx: Ctx): Promise<Row[]>;
}

/** A row builder that fills the optional parts. */
export function row(
  figure: string,
  value: number,
  unit: string,
  baseline: { label: string; value: number } | null = null,
  target: { text: string; pass: boolean | null } | null = null,
): Row {
  return {
    figure,
    value,
    unit,
    baseline: baseline?.label ?? '',
    baselineValue: baseline?.value ?? null,
    target: target?.text ?? '',
    pass: target?.pass ?? null,
  };
}
