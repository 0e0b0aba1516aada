import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { ACT_FOR_HEADER, ActingForService, ApiError, AuthService, RUNTIME_CONFIG } from '@hearth/console-core';

/**
 * The statement PDF, fetched with the console's token (and the member a consortium admin acts
 * for), then saved from a temporary object URL: a plain link could not carry the headers.
 */
@Injectable({ providedIn: 'root' })
export class StatementDownload {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly auth = inject(AuthService);
  private readonly actingFor = inject(ActingForService);
  private readonly document = inject(DOCUMENT);

  /** The API's address for the PDF: beside /graphql on the same server. */
  url(accountId: string, from: string, to: string, language: 'en' | 'cy'): string {
    const base = this.config.apiUrl.replace(/\/graphql\/?$/, '');
    const query = new URLSearchParams({ from, to, language });
    return `${base}/rent/accounts/${encodeURIComponent(accountId)}/statement.pdf?${query}`;
  }

  async download(accountId: string, from: string, to: string, language: 'en' | 'cy', fileName: string): Promise<void> {
    const headers = new Headers({ accept: 'application/pdf' });
    const token = this.auth.accessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    const slug = this.actingFor.slug();
    if (slug) headers.set(ACT_FOR_HEADER, slug);
    let response: Response;
    try {
      response = await fetch(this.url(accountId, from, to, language), { headers });
    } catch (error) {
      throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw await refusal(response);
    const url = URL.createObjectURL(await response.blob());
    try {
      const link = this.document.createElement('a');
      link.href = url;
      link.download = fileName;
      this.document.body.appendChild(link);
      link.click();
      link.remove();
    } finally {
      // The click has handed the blob to the browser's download; the URL is not needed after it.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
  }
}

/** The API answers a refused PDF as JSON `{ code, message }`. */
async function refusal(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    return new ApiError(body.code ?? `HTTP_${response.status}`, body.message ?? `HTTP ${response.status}`);
  } catch {
    return new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${response.status}`, `The API answered HTTP ${response.status}.`);
  }
}
