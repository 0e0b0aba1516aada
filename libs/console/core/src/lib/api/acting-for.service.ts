import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';

const STORAGE_KEY = 'hearth.actingFor';

/**
 * Which member a consortium admin is acting for (a member's slug), kept for the tab's lifetime so a reload
 * does not silently drop them back to the consortium view.
 */
@Injectable({ providedIn: 'root' })
export class ActingForService {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;

  readonly slug = signal<string | null>(this.storage?.getItem(STORAGE_KEY) ?? null);

  set(slug: string | null): void {
    if (slug) this.storage?.setItem(STORAGE_KEY, slug);
    else this.storage?.removeItem(STORAGE_KEY);
    this.slug.set(slug);
  }
}
