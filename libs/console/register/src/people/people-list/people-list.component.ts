import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, LocaleFormat, PageComponent, PagerComponent, SessionStore, translate } from '@hearth/console-core';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { canWriteRegister, personName } from '../../shared/register.format';
import { PEOPLE_TEXT } from '../people.text';
import { PeopleStore } from '../people.store';
import { PersonFormComponent } from '../person-form/person-form.component';

/** The people register: search by name (kept in the address as `?search=`), and add a person. */
@Component({
  selector: 'hearth-register-people-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, FORMAT_PIPES, MatButton, MatFormField, MatInput, MatLabel, MatProgressBar, PageComponent, PagerComponent, PersonFormComponent,
    ReactiveFormsModule, RouterLink,
  ],
  providers: [PeopleStore],
  templateUrl: './people-list.component.html',
  styleUrl: './people-list.component.scss',
})
export class PeopleListComponent {
  /** From the query string. */
  readonly search = input<string>();

  protected readonly store = inject(PeopleStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly format = inject(LocaleFormat);
  protected readonly t = translate(PEOPLE_TEXT);
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly text = new FormControl('', { nonNullable: true });
  protected readonly searchForm = new FormGroup({ text: this.text });
  protected readonly adding = signal(false);
  protected readonly canWrite = computed(() => canWriteRegister(this.session));
  protected readonly personName = personName;
  protected readonly caption = computed(() => this.t().caption(this.format.number(this.store.list.totalCount())));

  constructor() {
    effect(() => {
      const search = this.search()?.trim() ?? '';
      untracked(() => {
        this.text.setValue(search);
        void this.store.show(search);
      });
    });
  }

  protected submit(): void {
    void this.router.navigate([], { queryParams: { search: this.text.value.trim() || null } });
  }

  protected created(id: string): void {
    void this.router.navigate(['/register/people', id]);
  }
}
