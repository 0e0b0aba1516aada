import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/**
 * One measured figure beside the baseline measured in the same run, so that the ratio holds on a
 * noisy machine even when the absolute figure does not.
 */
export interface BenchFigure {
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** value / baseline, or as the figure defines it (RLS overhead is a percentage). */
  ratio?: { value: number; unit: 'x' | '%' };
  target?: { text: string; met: boolean };
}

export interface ScenarioResult {
  scenario: string;
  status: 'measured' | 'skipped' | 'failed';
  /** Why it was skipped or failed, or what to know about its figures. */
  notes: string[];
  figures: BenchFigure[];
  /** Everything else measured, for the JSON file. */
  details?: unknown;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  scale: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string };
  dataset: Record<string, unknown>;
  results: ScenarioResult[];
}

export function machine(postgres: string): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
  };
}

const number = (value: number, unit: string) => {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`.trim();
};

/** The report as a plain-text table: scenario, measure, Hearth's figure, its baseline, the ratio, the target. */
export function renderTable(report: BenchReport): string {
  const rows: string[][] = [['scenario', 'measure', 'hearth', 'baseline', 'ratio', 'target']];
  for (const result of report.results) {
    if (result.status !== 'measured') {
      rows.push([result.scenario, `${result.status}: ${result.notes.join('; ')}`, '', '', '', '']);
      continue;
    }
    for (const figure of result.figures) {
      rows.push([
        result.scenario,
        figure.measure,
        number(figure.value, figure.unit),
        figure.baseline ? `${number(figure.baseline.value, figure.unit)} (${figure.baseline.label})` : '',
        figure.ratio ? (figure.ratio.unit === '%' ? `${figure.ratio.value >= 0 ? '+' : ''}${number(figure.ratio.value, '%')}` : number(figure.ratio.value, '×')) : '',
        figure.target ? `${figure.target.met ? '✔' : '✖'} ${figure.target.text}` : '',
      ]);
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Writes the report as bench/results/<timestamp>.json (the directory is git-ignored); returns the path. */
export function writeReport(report: BenchReport, root: string): string {
  const directory = join(root, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
