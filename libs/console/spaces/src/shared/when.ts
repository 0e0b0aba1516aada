import { inject, Injectable } from '@angular/core';
import { LocaleFormat, translate } from '@hearth/console-core';
import { SPACES_TEXT } from '../spaces.text';
import { ukTimeOf } from './uk-time';

/** A booking's time as people read it: "3 Dec 2026, 10:00–12:00", in the reader's language. */
@Injectable({ providedIn: 'root' })
export class BookingTimes {
  private readonly format = inject(LocaleFormat);
  private readonly t = translate(SPACES_TEXT);

  when(start: string | Date, end: string | Date): string {
    return `${this.format.date(start)}, ${this.t().timeRange(ukTimeOf(start), ukTimeOf(end))}`;
  }
}
