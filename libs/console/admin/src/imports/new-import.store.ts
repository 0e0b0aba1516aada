import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import { ImportKindListDocument, ImportStartDocument, type ImportKindListQuery } from '../graphql.generated';
import { FileUploadService } from './file-upload.service';

export type ImportKindInfo = ImportKindListQuery['importKinds'][number];

/** Why an import could not start: a field left empty, the upload refused, or startImport's typed answer. */
export type StartProblem =
  | { kind: 'missing'; field: 'kind' | 'file' }
  | { kind: 'upload'; error: ApiError }
  | { kind: 'refused'; code: string; message: string };

/** The kinds of file, and the upload then startImport that a new import is. */
@Injectable()
export class NewImportStore {
  private readonly api = inject(HearthApi);
  private readonly uploads = inject(FileUploadService);

  readonly kinds = signal<ImportKindInfo[]>([]);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly selectedKind = signal<string | null>(null);
  readonly file = signal<File | null>(null);
  readonly starting = signal(false);
  readonly problem = signal<StartProblem | null>(null);

  readonly selected = computed(() => this.kinds().find((kind) => kind.kind === this.selectedKind()) ?? null);

  async loadKinds(): Promise<void> {
    this.loading.set(true);
    try {
      const { data } = await this.api.query(ImportKindListDocument);
      this.kinds.set(data.importKinds);
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  chooseKind(kind: string | null): void {
    this.selectedKind.set(kind);
    this.problem.set(null);
  }

  chooseFile(file: File | null): void {
    this.file.set(file);
    this.problem.set(null);
  }

  /** Uploads the file and starts its import; resolves with the run's id, or null with `problem` saying why not. */
  async start(): Promise<string | null> {
    const kind = this.selectedKind();
    const file = this.file();
    if (!kind) return this.fail({ kind: 'missing', field: 'kind' });
    if (!file) return this.fail({ kind: 'missing', field: 'file' });
    this.starting.set(true);
    this.problem.set(null);
    try {
      let fileId: string;
      try {
        fileId = (await this.uploads.upload(file)).id;
      } catch (error) {
        return this.fail({ kind: 'upload', error: asApiError(error) });
      }
      const { startImport } = await this.api.mutate(ImportStartDocument, { fileId, kind });
      if (startImport.__typename === 'ImportStarted') return startImport.run.id;
      return this.fail({ kind: 'refused', code: startImport.code, message: startImport.message });
    } catch (error) {
      return this.fail({ kind: 'upload', error: asApiError(error) });
    } finally {
      this.starting.set(false);
    }
  }

  private fail(problem: StartProblem): null {
    this.problem.set(problem);
    return null;
  }
}
