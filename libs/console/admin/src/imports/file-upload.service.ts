import { inject, Injectable } from '@angular/core';
import { ACT_FOR_HEADER, ActingForService, ApiError, AuthService, RUNTIME_CONFIG } from '@hearth/console-core';

/** What `POST /files` answers: the stored file, for startImport. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

/**
 * Sends a file to the API's file store. It is plain HTTP rather than GraphQL (the file is the raw
 * body, streamed to disk), so it adds the same token and acting-for header Apollo does.
 */
@Injectable({ providedIn: 'root' })
export class FileUploadService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly auth = inject(AuthService);
  private readonly actingFor = inject(ActingForService);

  async upload(file: File): Promise<UploadedFile> {
    const headers = new Headers({ 'content-type': 'text/csv' });
    const token = this.auth.accessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    const slug = this.actingFor.slug();
    if (slug) headers.set(ACT_FOR_HEADER, slug);
    const url = `${this.config.apiUrl.replace(/\/graphql\/?$/, '')}/files?name=${encodeURIComponent(file.name)}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: file });
    } catch (error) {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    }
    const body = (await response.json().catch(() => null)) as (Partial<UploadedFile> & { code?: string; message?: string }) | null;
    if (!response.ok || !body?.id) {
      throw new ApiError(body?.code ?? `HTTP_${response.status}`, body?.message ?? `The API answered HTTP ${response.status}.`);
    }
    return { id: body.id, name: body.name ?? file.name, size: body.size ?? file.size };
  }
}
