import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { HearthModule } from '@hearth/platform-kernel';
import { RequestContextMiddleware } from '@hearth/platform-graphql';
import { FileStore, LocalFileStore } from './files/file-store';
import { FileUploadController } from './files/file-upload.controller';
import { StoredFiles } from './files/stored-files';
import { ImporterRegistry } from './importer-registry';
import { ImportService } from './import.service';
import { ImportRuns } from './import-runs.service';
import { ImportResolver } from './import.resolver';
import { ImportQueue, ImportQueuedHandler } from './import-queue';
import { ImportProcessor } from './import.processor';
import { ImportEvent, importPermissions } from './imports.permissions';
import { Imports1763900450000 } from './migrations/1763900450000-imports';

/**
 * Bulk imports of CSV files into the register: the machinery, for the importers other modules
 * declare. Core, because it writes nothing of its own but runs and files; whether a member
 * may import a kind depends on the module that owns it.
 */
@HearthModule({
  key: 'imports',
  name: 'Imports',
  description: 'Bulk imports of CSV files (assets, people, tenancies), applied whole or not at all.',
  version: '1.0.0',
  core: true,
  migrations: [Imports1763900450000],
  providers: [
    { provide: FileStore, useClass: LocalFileStore },
    StoredFiles,
    ImporterRegistry,
    ImportService,
    ImportRuns,
    ImportQueue,
    ImportProcessor,
  ],
  controllers: [FileUploadController],
  processors: [ImportProcessor],
  resolvers: [ImportResolver],
  permissions: importPermissions,
  console: { routes: [{ path: 'imports', title: { en: 'Imports', cy: 'Mewnforion' }, roles: importPermissions.start.roles }] },
  events: {
    emits: {
      [ImportEvent.Queued]: { description: 'An import run was started and waits for a worker.' },
      [ImportEvent.Applied]: { description: 'An import run changed the register: its kind and counts.' },
    },
    handles: { [ImportEvent.Queued]: ImportQueuedHandler },
  },
  // The CLI runs imports in-process and the worker starts the processor.
  exports: [ImportService, ImportRuns, StoredFiles, ImportProcessor],
})
export class ImportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The upload is the one HTTP route outside GraphQL that works on a member's data.
    consumer.apply(RequestContextMiddleware).forRoutes(FileUploadController);
  }
}
