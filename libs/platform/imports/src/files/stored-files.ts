import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { actorLabel, hearthContext, TransactionManager } from '@hearth/platform-database';
import { StoredFile } from '../import.model';
import { FileStore } from './file-store';

interface StoredFileRow {
  id: string;
  name: string;
  size_bytes: string;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The files members give us: the content in the FileStore under the member's id, a row per
 * file in `stored_file` (so row-level security decides who may use it). Nothing is overwritten.
 */
@Injectable()
export class StoredFiles {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly store: FileStore,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  /**
   * Keeps `content` for the current member. The content is written before the row, so a crash
   * between the two leaves an unreferenced file, never a row without its file.
   */
  async keep(name: string, contentType: string, content: Readable): Promise<StoredFile> {
    const context = hearthContext.require();
    const tenantId = context.requireTenantId();
    const id = randomUUID();
    const key = storeKey(tenantId, id);
    const { size, sha256 } = await this.store.put(key, content, this.config.files.maxUploadBytes);
    try {
      const [row] = await this.transactions.query<StoredFileRow>(
        `insert into hearth.stored_file (tenant_id, id, name, content_type, size_bytes, sha256, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [tenantId, id, name, contentType, size, sha256, actorLabel(context.actor)],
      );
      return toStoredFile(row);
    } catch (error) {
      await this.store.delete(key);
      throw error;
    }
  }

  /** The current member's file, or undefined (another member's file is as absent as a made-up id). */
  async find(id: string): Promise<StoredFile | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await this.transactions.query<StoredFileRow>(`select * from hearth.stored_file where id = $1`, [id]);
    return row && toStoredFile(row);
  }

  /** For a DataLoader: the files in the order of `ids`. */
  async findAll(ids: readonly string[]): Promise<(StoredFile | Error)[]> {
    const rows = await this.transactions.query<StoredFileRow>(`select * from hearth.stored_file where id = any($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, toStoredFile(row)]));
    return ids.map((id) => byId.get(id) ?? new Error(`There is no stored file ${id}`));
  }

  open(fileId: string): Readable {
    return this.store.open(storeKey(hearthContext.require().requireTenantId(), fileId));
  }
}

function storeKey(tenantId: string, fileId: string): string {
  return `${tenantId}/${fileId}`;
}

function toStoredFile(row: StoredFileRow): StoredFile {
  return Object.assign(new StoredFile(), {
    id: row.id,
    name: row.name,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  });
}
