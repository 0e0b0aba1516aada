export * from './imports.module';
export * from './imports.permissions';
export * from './import.model';
export * from './import-outcome';
export * from './import.service';
export * from './import-runs.service';
export * from './import.processor';
export * from './files/file-store';
export * from './files/stored-files';
// Other modules' HTTP routes (rent's statement PDF) end their unit of work and answer errors as the upload does.
export { HttpErrorFilter, UnitOfWorkInterceptor } from './files/http-unit-of-work';
export { ImporterRegistry, type RegisteredImporter } from './importer-registry';
