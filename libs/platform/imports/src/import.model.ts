import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, ErrorResult } from '@hearth/platform-graphql';

export enum ImportRunStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(ImportRunStatus, {
  name: 'ImportRunStatus',
  description: 'QUEUED until a worker takes the run; SUCCEEDED and FAILED are final, and a FAILED run changed nothing.',
});

@ObjectType('ImportColumn', { description: 'A column of an import file, as documented in docs/imports.md.' })
export class ImportColumnDoc {
  @Field({ description: 'The header name.' }) name!: string;
  @Field() description!: string;
  @Field() required!: boolean;
  @Field({ description: 'text, integer, date (2024-03-31 or 31/03/2024), boolean (yes/no) or list (semicolon-separated).' })
  type!: string;
  @Field(() => Int, { nullable: true }) maxLength!: number | null;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => [String], { nullable: true, description: 'The only values allowed (for a list, for each item).' })
  values!: readonly string[] | null;
}

@ObjectType({ description: 'A kind of file the installed modules can import.' })
export class ImportKind {
  @Field({ description: 'What startImport and `hearth import` name it by, e.g. "assets".' }) kind!: string;
  @Field() description!: string;
  @Field({ description: 'The module whose records it writes.' }) module!: string;
  @Field({ description: 'Whether that module is on for the current member; if not, its files cannot be imported.' })
  enabled!: boolean;
  @Field(() => [ImportColumnDoc], { description: 'Every column, in the order of the sample file; the header must name each once.' })
  columns!: ImportColumnDoc[];
}

@ObjectType({ description: 'A file a member gave us, kept as it arrived.' })
export class StoredFile {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field({ description: 'Hex SHA-256 of the content.' }) sha256!: string;
  @Field() uploadedBy!: string;
  @Field() uploadedAt!: Date;
}

/** The engine's problems are plain objects of this shape. */
@ObjectType({ description: 'One thing wrong with an import file.' })
export class ImportProblem {
  @Field(() => Int, { nullable: true, description: 'As a spreadsheet numbers rows (the header is line 1); null for the file as a whole.' })
  line!: number | null;
  @Field(() => String, { nullable: true, description: 'The header name of the column at fault, if it is one column.' })
  column!: string | null;
  @Field({ description: 'What is wrong, for the person who made the file.' }) reason!: string;
}

@ObjectType()
export class ImportProblemConnection extends Connection(ImportProblem) {}

@ObjectType({ description: 'How far a run has got. Each count reaches the number of rows as its phase ends: staged, then validated, then applied.' })
export class ImportProgress {
  @Field(() => Int) rowsStaged!: number;
  @Field(() => Int) rowsValidated!: number;
  @Field(() => Int) rowsApplied!: number;
}

@ObjectType('ImportCounts', { description: 'What a succeeded run did. Importing the same file again makes every row unchanged.' })
export class ImportRunCounts {
  @Field(() => Int) inserted!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}

@ObjectType({ description: 'One import of one file: queued, run by a worker, applied whole or not at all.' })
export class ImportRun {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => ImportRunStatus) status!: ImportRunStatus;
  @Field(() => ID) fileId!: string;
  @Field({ description: 'Who started it.' }) startedBy!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => ImportProgress) progress!: ImportProgress;
  @Field(() => ImportRunCounts, { nullable: true, description: 'Set once the run has succeeded.' })
  counts!: ImportRunCounts | null;
  @Field(() => Int, { description: 'Every problem found; `errors` lists the first thousand, in file order.' })
  errorCount!: number;
}

@ObjectType()
export class ImportRunConnection extends Connection(ImportRun) {}

@ObjectType({ description: 'The run is queued; poll importRun(id) for its progress and outcome.' })
export class ImportStarted {
  @Field(() => ImportRun) run!: ImportRun;
}

@ObjectType({ implements: () => ErrorResult })
export class UnknownImportKind implements ErrorResult {
  @Field() code!: 'UNKNOWN_IMPORT_KIND';
  @Field() message!: string;
  @Field(() => [String], { description: 'The kinds this deployment can import.' }) kinds!: string[];
}

@ObjectType({ implements: () => ErrorResult })
export class FileNotFound implements ErrorResult {
  @Field() code!: 'FILE_NOT_FOUND';
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult, description: "The module that owns this kind's records is switched off for the member." })
export class ImportModuleDisabled implements ErrorResult {
  @Field() code!: 'MODULE_DISABLED';
  @Field() message!: string;
  @Field() module!: string;
}

export const StartImportResult = createUnionType({
  name: 'StartImportResult',
  types: () => [ImportStarted, UnknownImportKind, FileNotFound, ImportModuleDisabled] as const,
  resolveType: (value) => value.constructor,
});
