import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { ImportService, type ImportProblem } from '@hearth/platform-imports';
import type { ConfigurationContent, ConfigurationItem, ConfigurationProblem, Extracted, ShareableConfigurationKind } from '@hearth/platform-kernel';

interface SorLine {
  code: string;
  description: string;
  trade: string;
  defaultPriority: string;
  costPence: number;
  standardMinutes: number;
}

interface SorSetContent extends ConfigurationContent {
  codes: SorLine[];
}

/** The most codes one set may carry; a whole schedule of rates is a few thousand. */
const MAX_CODES = 10_000;

/** The repairs module's import of SOR codes (`hearth import sor-codes`), whose checks and upsert apply a copied set. */
const IMPORT_KIND = 'sor-codes';

/** Each column of that import, with the content field it is filled from. */
const COLUMNS: [column: string, field: keyof SorLine | null][] = [
  ['code', 'code'],
  ['description', 'description'],
  ['trade', 'trade'],
  ['default_priority', 'defaultPriority'],
  ['cost', 'costPence'],
  ['standard_minutes', 'standardMinutes'],
  ['active', null],
];

/**
 * The member's schedule of rates: its active SOR codes with trade, default priority, price and
 * standard time. Copying adds the codes the copier lacks and updates those it has, leaving its
 * other codes alone, through this module's own SOR import (SorCodeImporter): the same checks (a default
 * priority must be one of the copier's priorities), set-based and all or nothing.
 */
@Injectable()
export class SorSetKind implements ShareableConfigurationKind {
  readonly key = 'sor-set';
  readonly name = 'SOR set';
  readonly description = 'A schedule of rates: SOR codes with their trade, default priority, price and standard time.';
  readonly module = 'repairs';

  constructor(
    private readonly transactions: TransactionManager,
    private readonly imports: ImportService,
  ) {}

  contentSchema() {
    const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
    return {
      type: 'object',
      additionalProperties: false,
      required: ['codes'],
      properties: {
        codes: {
          type: 'array',
          minItems: 1,
          maxItems: MAX_CODES,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['code', 'description', 'trade', 'defaultPriority', 'costPence', 'standardMinutes'],
            properties: {
              code: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$' },
              description: text(500),
              trade: text(40),
              defaultPriority: text(40),
              costPence: { type: 'integer', minimum: 0, maximum: 100_000_000 },
              standardMinutes: { type: 'integer', minimum: 0, maximum: 100_000 },
            },
          },
        },
      },
    };
  }

  async subjects(): Promise<string[]> {
    return [];
  }

  async extract(): Promise<Extracted> {
    const codes = await this.read(`where active order by code limit ${MAX_CODES + 1}`);
    if (!codes.length) return { problem: { path: '/codes', message: 'You have no active SOR codes to publish' } };
    if (codes.length > MAX_CODES) return { problem: { path: '/codes', message: `A SOR set may hold at most ${MAX_CODES} codes` } };
    return { content: { codes } };
  }

  defaultTarget(): undefined {
    return undefined;
  }

  /** The member's codes that the set names, as they are now: copying leaves every other code alone. */
  async current(content: ConfigurationContent): Promise<SorSetContent> {
    return { codes: await this.read('where code = any($1::text[]) order by code', [(content as SorSetContent).codes.map((line) => line.code)]) };
  }

  items(content: ConfigurationContent): ConfigurationItem[] {
    return (content as SorSetContent).codes.map((line) => ({
      key: line.code,
      fields: { description: line.description, trade: line.trade, defaultPriority: line.defaultPriority, costPence: line.costPence, standardMinutes: line.standardMinutes },
    }));
  }

  validate(content: ConfigurationContent): Promise<ConfigurationProblem[]> {
    return this.import(content as SorSetContent, true);
  }

  apply(content: ConfigurationContent): Promise<ConfigurationProblem[]> {
    return this.import(content as SorSetContent, false);
  }

  // The SOR codes are this module's own table, read to publish and compare. Writes go through the
  // module's own SOR import, so a copied set meets the same checks as a file.
  private async read(where: string, parameters: unknown[] = []): Promise<SorLine[]> {
    const rows = await this.transactions.query<{ code: string; description: string; trade: string; default_priority: string; cost_pence: string; standard_minutes: number }>(
      `select code, description, trade, default_priority, cost_pence, standard_minutes from hearth.sor_code ${where}`,
      parameters,
    );
    return rows.map((row) => ({
      code: row.code,
      description: row.description,
      trade: row.trade,
      defaultPriority: row.default_priority,
      costPence: Number(row.cost_pence),
      standardMinutes: row.standard_minutes,
    }));
  }

  /** Applies (or with `dryRun` only checks) the set as an import file, which the import applies whole or not at all. */
  private async import(content: SorSetContent, dryRun: boolean): Promise<ConfigurationProblem[]> {
    const file = toCsv(content.codes);
    const outcome = await this.imports.import(IMPORT_KIND, () => Readable.from([Buffer.from(file, 'utf8')]), { dryRun });
    return outcome.status === 'succeeded' ? [] : outcome.problems.map(toProblem);
  }
}

function toCsv(codes: readonly SorLine[]): string {
  const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const value = (line: SorLine, field: keyof SorLine | null) => {
    if (field === null) return 'yes';
    if (field === 'costPence') return (line.costPence / 100).toFixed(2);
    return String(line[field]);
  };
  const header = COLUMNS.map(([column]) => column).join(',');
  return [header, ...codes.map((line) => COLUMNS.map(([, field]) => cell(value(line, field))).join(','))].join('\r\n') + '\r\n';
}

/** A problem the import found on line n of the file (the header is line 1) is a problem of the set's code n - 2. */
function toProblem({ line, column, reason }: ImportProblem): ConfigurationProblem {
  if (line === null) return { path: '/codes', message: reason };
  const field = COLUMNS.find(([name]) => name === column)?.[1];
  return { path: `/codes/${line - 2}${field ? `/${field}` : ''}`, message: reason };
}
