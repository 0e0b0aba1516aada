import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, type Country, LanguageService, type MemberManifestInput, PageComponent, placeProblems, SessionStore, translate } from '@hearth/console-core';
import { CONSORTIUM_TEXT } from '../consortium.text';
import type { ManifestProblem } from '../manifest-outcome';
import { OnboardStore } from '../onboard.store';

const COUNTRIES: readonly Country[] = ['ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN_IRELAND'];

type Field = 'slug' | 'name' | 'nameCy' | 'registrationNumber' | 'country' | 'organization' | 'domains' | 'modules' | 'adminEmail' | 'adminFirstName' | 'adminLastName';

/** Which form field a problem's JSON pointer (e.g. /admins/0/email) is about; the rest are listed above the buttons. */
const FIELD_OF: readonly [RegExp, Field][] = [
  [/^\/slug$/, 'slug'],
  [/^\/name$/, 'name'],
  [/^\/nameCy$/, 'nameCy'],
  [/^\/registrationNumber$/, 'registrationNumber'],
  [/^\/country$/, 'country'],
  [/^\/keycloak\/organization$/, 'organization'],
  [/^\/keycloak\/domains/, 'domains'],
  [/^\/modules/, 'modules'],
  [/^\/admins\/0\/email$/, 'adminEmail'],
  [/^\/admins\/0\/firstName$/, 'adminFirstName'],
  [/^\/admins\/0\/lastName$/, 'adminLastName'],
];

function fieldOf(problem: ManifestProblem): Field | null {
  return FIELD_OF.find(([pattern]) => pattern.test(problem.field))?.[1] ?? null;
}

/** The manifest of a new member as a form: checked with a dry run, then applied. */
@Component({
  selector: 'hearth-onboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent,
    MatAnchor,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    PageComponent,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [OnboardStore],
  templateUrl: './onboard.component.html',
  styleUrl: './onboard.component.scss',
})
export class OnboardComponent {
  protected readonly store = inject(OnboardStore);
  protected readonly t = translate(CONSORTIUM_TEXT);
  protected readonly shared = inject(LanguageService).t;
  private readonly session = inject(SessionStore);
  protected readonly countries = COUNTRIES;

  /** Modules a manifest may list: every installed one but the core ones, which are always on. */
  protected readonly installed = computed(() => this.session.modules().filter((module) => !module.core));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    slug: [''],
    name: [''],
    nameCy: [''],
    registrationNumber: [''],
    country: ['ENGLAND' as Country],
    english: [true],
    welsh: [false],
    organization: [''],
    domains: [''],
    modules: [[] as string[]],
    adminEmail: [''],
    adminFirstName: [''],
    adminLastName: [''],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly manifest = computed((): MemberManifestInput => {
    this.value();
    const v = this.form.getRawValue();
    const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);
    return {
      slug: v.slug.trim(),
      name: v.name.trim(),
      nameCy: v.nameCy.trim() || null,
      registrationNumber: v.registrationNumber.trim(),
      country: v.country,
      // A Welsh-first member lists cy first: the first language is the member's default.
      languages: v.country === 'WALES' ? [...(v.welsh ? ['cy'] : []), ...(v.english ? ['en'] : [])] : [...(v.english ? ['en'] : []), ...(v.welsh ? ['cy'] : [])],
      keycloak: { organization: v.organization.trim() || v.slug.trim(), domains: list(v.domains) },
      modules: v.modules.map((key) => ({ key })),
      admins: [{ email: v.adminEmail.trim(), firstName: v.adminFirstName.trim(), lastName: v.adminLastName.trim() }],
    };
  });

  protected readonly canApply = computed(() => this.store.isChecked(this.manifest()));
  protected readonly staleCheck = computed(() => this.store.checked() !== null && !this.canApply());

  /** The API's problems by form field, and those about the manifest as a whole. */
  protected readonly problems = computed(() => {
    const outcome = this.store.outcome();
    const byField = new Map<Field, string[]>();
    const general: string[] = [];
    if (outcome?.kind === 'invalid') {
      for (const problem of outcome.problems) {
        const field = fieldOf(problem);
        if (field) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
        else general.push(problem.message);
      }
    }
    return { byField, general };
  });

  protected problemFor(field: Field): string | null {
    return this.problems().byField.get(field)?.join(' ') ?? null;
  }

  protected async check(): Promise<void> {
    await this.store.check(this.manifest());
    // The API's problems go on the fields they name, so each shows (and is announced) beside its field;
    // editing the field clears it.
    const problems = [...this.problems().byField].map(([field, messages]) => ({ field, message: messages.join(' ') }));
    placeProblems(problems, (field) => this.form.controls[field as Field]);
  }

  protected apply(): void {
    if (this.canApply()) void this.store.apply(this.manifest());
  }
}
