import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiErrorComponent, apiProblem, PageComponent, placeProblems, SessionStore, translate, type BookableSpaceKind } from '@hearth/console-core';
import type { SpacesSpaceFragment } from '../graphql.generated';
import { SPACES_TEXT } from '../spaces.text';
import { VenuesStore, type KeptVenue } from './venues.store';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Comma-separated words as the API's tags: "Screen, video calls" is ["screen", "video-calls"]. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];
}

/**
 * Venues and their desks and rooms, for the people who keep them: consortium admins (the
 * consortium's venues, with no member chosen) and a member's tenant admins (those it runs).
 */
@Component({
  selector: 'hearth-venues',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatCheckbox, MatError, MatFormField, MatInput, MatLabel, MatOption, MatSelect, NgTemplateOutlet, PageComponent, ReactiveFormsModule],
  providers: [VenuesStore],
  templateUrl: './venues.component.html',
  styleUrl: './venues.component.scss',
})
export class VenuesComponent {
  protected readonly store = inject(VenuesStore);
  private readonly session = inject(SessionStore);
  protected readonly t = translate(SPACES_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly weekdays = WEEKDAYS;
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly venueHeading = viewChild<ElementRef<HTMLElement>>('venueHeading');
  private readonly spaceHeading = viewChild<ElementRef<HTMLElement>>('spaceHeading');

  /** The venue being edited: null while adding one; undefined when the form is closed. */
  protected readonly editingVenue = signal<KeptVenue | null | undefined>(undefined);
  /** The venue a desk or room is being added to or edited in, and which one (null when adding). */
  protected readonly editingSpace = signal<{ venue: KeptVenue; space: SpacesSpaceFragment | null } | null>(null);
  protected readonly formProblems = signal<string[]>([]);

  protected readonly venueForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    address: ['', [Validators.required, Validators.maxLength(500)]],
    postcode: ['', Validators.required],
    accessibilityNotes: ['', Validators.maxLength(2000)],
    active: [true],
    hours: this.fb.array(WEEKDAYS.map(() => this.fb.group({ open: [false], opens: ['09:00'], closes: ['17:00'] }))),
  });
  protected readonly spaceForm = this.fb.group({
    kind: ['DESK' as BookableSpaceKind],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    capacity: [1, [Validators.required, Validators.min(1), Validators.max(500)]],
    amenities: [''],
    accessibility: [''],
    active: [true],
  });

  /** The venues this person may change: their member's, or (consortium admins with no member chosen) any. */
  protected readonly canKeep = (venue: KeptVenue) => {
    const member = this.session.member();
    return member ? venue.operatorMemberId === member.id : this.session.isConsortiumAdmin();
  };
  protected readonly canAdd = computed(() => Boolean(this.session.member()) || this.session.isConsortiumAdmin());

  constructor() {
    void this.store.load();
  }

  protected hoursSummary(venue: KeptVenue): string {
    const t = this.t();
    return WEEKDAYS.map((weekday) => {
      const hours = venue.openingHours.find((h) => h.weekday === weekday);
      return `${t.weekdays[weekday - 1]} ${hours ? t.timeRange(hours.opens, hours.closes) : t.closed}`;
    }).join('; ');
  }

  protected dayControls(index: number): FormGroup {
    return this.venueForm.controls.hours.at(index);
  }

  protected editVenue(venue: KeptVenue | null): void {
    this.editingSpace.set(null);
    this.formProblems.set([]);
    this.editingVenue.set(venue);
    this.venueForm.reset({
      name: venue?.name ?? '',
      address: venue?.address ?? '',
      postcode: venue?.postcode ?? '',
      accessibilityNotes: venue?.accessibilityNotes ?? '',
      active: venue?.active ?? true,
      hours: WEEKDAYS.map((weekday) => {
        const hours = venue?.openingHours.find((h) => h.weekday === weekday);
        return hours ? { open: true, opens: hours.opens, closes: hours.closes } : { open: !venue && weekday <= 5, opens: '09:00', closes: '17:00' };
      }),
    });
    setTimeout(() => this.venueHeading()?.nativeElement.focus());
  }

  protected editSpace(venue: KeptVenue, space: SpacesSpaceFragment | null): void {
    this.editingVenue.set(undefined);
    this.formProblems.set([]);
    this.editingSpace.set({ venue, space });
    this.spaceForm.reset({
      kind: space?.kind ?? 'DESK',
      name: space?.name ?? '',
      capacity: space?.capacity ?? 1,
      amenities: space?.amenities.join(', ') ?? '',
      accessibility: space?.accessibility.join(', ') ?? '',
      active: space?.active ?? true,
    });
    setTimeout(() => this.spaceHeading()?.nativeElement.focus());
  }

  protected close(): void {
    this.editingVenue.set(undefined);
    this.editingSpace.set(null);
  }

  protected async saveVenue(): Promise<void> {
    this.venueForm.markAllAsTouched();
    this.formProblems.set([]);
    if (this.venueForm.invalid) return;
    const value = this.venueForm.getRawValue();
    const editing = this.editingVenue();
    const outcome = await this.store.saveVenue({
      id: editing?.id ?? null,
      name: value.name.trim(),
      address: value.address.trim(),
      postcode: value.postcode.trim(),
      accessibilityNotes: value.accessibilityNotes.trim(),
      active: value.active,
      openingHours: value.hours.flatMap((day, i) => (day.open ? [{ weekday: WEEKDAYS[i], opens: day.opens, closes: day.closes === '00:00' ? '24:00' : day.closes }] : [])),
    });
    if (!outcome) return;
    if (outcome.__typename === 'Venue') {
      this.store.message.set(this.t().venues.form.saved(outcome.name));
      this.close();
    } else if (outcome.__typename === 'VenueInvalid') {
      this.formProblems.set(
        placeProblems(outcome.problems, (field) => {
          const day = /^openingHours\[(\d+)\]\.(opens|closes)$/.exec(field);
          if (day) {
            const sent = value.hours.map((h, i) => ({ ...h, i })).filter((h) => h.open)[Number(day[1])];
            return sent ? this.venueForm.controls.hours.at(sent.i).get(day[2]) : null;
          }
          return field in this.venueForm.controls ? this.venueForm.get(field) : null;
        }),
      );
    } else this.formProblems.set([this.t().venues.problems[outcome.code] ?? outcome.message]);
  }

  protected async saveSpace(): Promise<void> {
    const editing = this.editingSpace();
    this.spaceForm.markAllAsTouched();
    this.formProblems.set([]);
    if (!editing || this.spaceForm.invalid) return;
    const value = this.spaceForm.getRawValue();
    const outcome = await this.store.saveSpace({
      id: editing.space?.id ?? null,
      venueId: editing.venue.id,
      kind: value.kind,
      name: value.name.trim(),
      capacity: Number(value.capacity),
      amenities: tagsOf(value.amenities),
      accessibility: tagsOf(value.accessibility),
      active: value.active,
    });
    if (!outcome) return;
    if (outcome.__typename === 'BookableSpace') {
      this.store.message.set(this.t().venues.spaces.saved(outcome.name));
      this.close();
    } else if (outcome.__typename === 'BookableSpaceInvalid') {
      this.formProblems.set(placeProblems(outcome.problems, (field) => (field in this.spaceForm.controls ? this.spaceForm.get(field) : null)));
    } else this.formProblems.set([this.t().venues.problems[outcome.code] ?? outcome.message]);
  }
}
