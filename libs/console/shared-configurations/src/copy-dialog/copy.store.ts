import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError } from '@hearth/console-core';
import { SharedConfigurationAdoptDocument, SharedConfigurationPreviewDocument, type SharedConfigurationPreviewQuery } from '../graphql.generated';

export type PreviewResult = SharedConfigurationPreviewQuery['sharedConfigurationPreview'];
export type Preview = Extract<PreviewResult, { __typename: 'SharedConfigurationPreview' }>;

export interface CopyRequest {
  id: string;
  /** The adaptation, or null to copy what was published. */
  content: Record<string, unknown> | null;
  target: string | null;
}

/** What copying came to: the member's record of the copy. */
export interface CopyOutcome {
  adoptionId: string;
  adaptedOnCopy: boolean;
}

/** Checking what copying would change, and copying. */
@Injectable()
export class CopyStore {
  private readonly api = inject(HearthApi);
  private latest = 0;

  readonly result = signal<PreviewResult | null>(null);
  /** The request the result answers, to know whether what is on screen has been checked. */
  readonly checked = signal<string | null>(null);
  readonly checking = signal(false);
  readonly adopting = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** Problems copying met that the check had not (the settings changed in between, say). */
  readonly refusal = signal<{ code: string; message: string; problems: readonly { field: string; message: string }[] } | null>(null);

  async check(request: CopyRequest): Promise<PreviewResult | null> {
    const call = ++this.latest;
    this.checking.set(true);
    this.error.set(null);
    this.refusal.set(null);
    try {
      const { data } = await this.api.query(SharedConfigurationPreviewDocument, request);
      if (call !== this.latest) return null;
      this.result.set(data.sharedConfigurationPreview);
      this.checked.set(keyOf(request));
      return data.sharedConfigurationPreview;
    } catch (error) {
      if (call === this.latest) this.error.set(asApiError(error));
      return null;
    } finally {
      if (call === this.latest) this.checking.set(false);
    }
  }

  async adopt(request: CopyRequest): Promise<CopyOutcome | null> {
    this.adopting.set(true);
    this.error.set(null);
    this.refusal.set(null);
    try {
      const { adoptSharedConfiguration: result } = await this.api.mutate(SharedConfigurationAdoptDocument, {
        input: { sharedConfigurationId: request.id, content: request.content, target: request.target },
      });
      if (result.__typename === 'ConfigurationAdoption') return { adoptionId: result.id, adaptedOnCopy: result.adaptedOnCopy };
      this.refusal.set({ code: result.code, message: result.message, problems: result.__typename === 'SharedConfigurationInvalid' ? result.problems : [] });
      return null;
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.adopting.set(false);
    }
  }
}

/** A request as text, so an unchanged one can be recognised. */
export function keyOf(request: CopyRequest): string {
  return JSON.stringify([request.id, request.content, request.target]);
}
