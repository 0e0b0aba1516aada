import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';

export interface StoredObject {
  size: number;
  /** Hex SHA-256 of the content, so a file can be recognised (and checked) later. */
  sha256: string;
}

/** The content was longer than the store was told to accept; nothing was kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    this.name = 'FileTooLargeError';
  }
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/**
 * Where the files members give us are kept, by key. Local disk is the implementation here; an
 * object store (S3 and the like) implements the same three calls. Keys are chosen by Hearth,
 * never by the uploader, so no name from outside reaches a path.
 */
export abstract class FileStore {
  /** Keeps `content` under a new `key` whole or not at all, refusing it past `maxBytes`. */
  abstract put(key: string, content: Readable, maxBytes: number): Promise<StoredObject>;

  /** The content from its start; a new stream each call. A missing key fails the stream. */
  abstract open(key: string): Readable;

  abstract delete(key: string): Promise<void>;
}

@Injectable()
export class LocalFileStore extends FileStore {
  private readonly root: string;

  constructor(@Inject(HEARTH_CONFIG) config: HearthConfig) {
    super();
    this.root = config.files.storeDir;
  }

  async put(key: string, content: Readable, maxBytes: number): Promise<StoredObject> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside its final name and linked to it when complete, so a reader never sees half
    // a file, and linking fails rather than replace a file already kept under the key.
    const partial = `${path}.${randomBytes(4).toString('hex')}.partial`;
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, measure, createWriteStream(partial, { flags: 'wx' }));
      await link(partial, path);
    } finally {
      await rm(partial, { force: true });
    }
    return { size, sha256: hash.digest('hex') };
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`"${key}" is not a file store key`);
    return join(this.root, key);
  }
}
