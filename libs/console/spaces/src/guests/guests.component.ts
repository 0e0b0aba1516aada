import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, apiProblem, PageComponent, PagerComponent, placeProblems, translate, type GuestOrganisationKind } from '@hearth/console-core';
import { SPACES_TEXT } from '../spaces.text';
import { GuestsStore, type Guest } from './guests.store';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The consortium's guest organisations: invite one, and suspend or reactivate it. */
@Component({
  selector: 'hearth-guest-organisations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, PageComponent, PagerComponent, ReactiveFormsModule],
  providers: [GuestsStore],
  templateUrl: './guests.component.html',
  styleUrl: './guests.component.scss',
})
export class GuestsComponent {
  protected readonly store = inject(GuestsStore);
  protected readonly guests = this.store.guests;
  protected readonly t = translate(SPACES_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly kinds: GuestOrganisationKind[] = ['COUNCIL', 'HEALTH_BOARD', 'CHARITY', 'OTHER'];
  protected readonly formProblems = signal<string[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(SLUG), Validators.maxLength(63)]],
    kind: ['COUNCIL' as GuestOrganisationKind],
    domains: [''],
  });

  constructor() {
    void this.guests.first();
  }

  protected async invite(): Promise<void> {
    this.form.markAllAsTouched();
    this.formProblems.set([]);
    if (this.form.invalid) return;
    const { name, slug, kind, domains } = this.form.getRawValue();
    const outcome = await this.store.invite({
      name: name.trim(),
      slug: slug.trim(),
      kind,
      domains: domains.split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean),
    });
    if (!outcome) return;
    if (outcome.__typename === 'GuestOrganisationInvitation') {
      const t = this.t().guests.invite;
      this.store.message.set(`${t.invited(outcome.guestOrganisation.name)} ${t.identity[outcome.identityOutcome] ?? outcome.identityDetail}`);
      this.form.reset({ name: '', slug: '', kind: 'COUNCIL', domains: '' });
    } else {
      this.formProblems.set(placeProblems(outcome.problems, (field) => (field === 'slug' ? this.form.controls.slug : null)));
    }
  }

  protected async setActive(guest: Guest, active: boolean): Promise<void> {
    if (await this.store.setActive(guest, active)) {
      this.store.message.set(active ? this.t().guests.reactivatedMessage(guest.name) : this.t().guests.suspendedMessage(guest.name));
    }
  }
}
