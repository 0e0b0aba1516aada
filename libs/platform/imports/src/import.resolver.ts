import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, PageArgs, requestLoader } from '@hearth/platform-graphql';
import { StoredFiles } from './files/stored-files';
import { ImportRuns } from './import-runs.service';
import { importPermissions as can } from './imports.permissions';
import {
  FileNotFound,
  ImportKind,
  ImportModuleDisabled,
  ImportProblemConnection,
  ImportRun,
  ImportRunConnection,
  ImportStarted,
  StartImportResult,
  StoredFile,
  UnknownImportKind,
} from './import.model';

@Resolver(() => ImportRun)
export class ImportResolver {
  constructor(
    private readonly runs: ImportRuns,
    private readonly files: StoredFiles,
  ) {}

  @Query(() => [ImportKind], { description: 'The kinds of file Hearth can import, with their documented columns.' })
  @Access(can.read)
  importKinds(): Promise<ImportKind[]> {
    return this.runs.kinds();
  }

  @Query(() => ImportRun, { nullable: true })
  @Access(can.read)
  importRun(@Args('id', { type: () => ID }) id: string): Promise<ImportRun | null> {
    return this.runs.find(id);
  }

  @Query(() => ImportRunConnection, { description: "The member's import runs, newest first.", complexity: connectionCost })
  @Access(can.read)
  importRuns(@Args() page: PageArgs): Promise<ImportRunConnection> {
    return this.runs.list(page);
  }

  @Mutation(() => StartImportResult, {
    description: 'Queues an import of a file uploaded with POST /files. Poll importRun for progress; a file with problems changes nothing.',
  })
  @Access(can.start)
  startImport(
    @Args('kind', { description: 'What the file holds, e.g. "assets" (see importKinds).' }) kind: string,
    @Args('fileId', { type: () => ID }) fileId: string,
  ): Promise<ImportStarted | UnknownImportKind | FileNotFound | ImportModuleDisabled> {
    return this.runs.start(kind, fileId);
  }

  @ResolveField(() => StoredFile, { description: 'The file imported, as it was uploaded.' })
  file(@Parent() run: ImportRun): Promise<StoredFile> {
    return requestLoader('importRun.file', (ids: readonly string[]) => this.files.findAll(ids)).load(run.fileId);
  }

  @ResolveField(() => ImportProblemConnection, {
    description: 'The problems kept (the first thousand, in file order); errorCount counts them all.',
    complexity: connectionCost,
  })
  errors(@Parent() run: ImportRun, @Args() page: PageArgs): Promise<ImportProblemConnection> {
    // One loader per page asked for: every run in the response then shares one query.
    return requestLoader(`importRun.errors:${page.first}:${page.after}`, (ids: readonly string[]) => this.runs.problems(ids, page)).load(run.id);
  }
}
