import { Controller, Inject, Post, Query, Req, UseFilters, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { HEARTH_CONFIG, HearthError, type HearthConfig } from '@hearth/platform-core';
import { Access } from '@hearth/platform-auth';
import { importPermissions } from '../imports.permissions';
import type { StoredFile } from '../import.model';
import { FileTooLargeError } from './file-store';
import { HttpErrorFilter, UnitOfWorkInterceptor } from './http-unit-of-work';
import { StoredFiles } from './stored-files';

const CSV = 'text/csv';

/**
 * `POST /files?name=assets.csv` with the file as the raw body (`Content-Type: text/csv`):
 * streamed to the file store, never held in memory, and answered with the stored file's id
 * for `startImport`.
 */
@Controller('files')
@UseFilters(HttpErrorFilter)
@UseInterceptors(UnitOfWorkInterceptor)
export class FileUploadController {
  constructor(
    private readonly files: StoredFiles,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  @Post()
  @Access(importPermissions.start)
  async upload(@Req() request: Request, @Query('name') name?: string): Promise<StoredFile> {
    const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (type !== CSV) {
      throw new HearthError('UNSUPPORTED_MEDIA_TYPE', `Send the file itself as the request body, with "Content-Type: ${CSV}"`);
    }
    const { maxUploadBytes } = this.config.files;
    if (Number(request.headers['content-length']) > maxUploadBytes) throw tooLarge(new FileTooLargeError(maxUploadBytes));
    try {
      return await this.files.keep(fileName(name), CSV, request);
    } catch (error) {
      throw error instanceof FileTooLargeError ? tooLarge(error) : error;
    }
  }
}

function tooLarge(error: FileTooLargeError): HearthError {
  return new HearthError('PAYLOAD_TOO_LARGE', `${error.message}, the most Hearth accepts; split it into smaller files`);
}

/** The name the uploader gave, as a label only (it never becomes a path): no directories, no control characters. */
function fileName(given: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const name = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return name || 'upload.csv';
}
