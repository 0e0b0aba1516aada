import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { type AccessibilityFeature, apiProblem, type AssetKind, type HeatingType, LanguageService, translate, type UpdateAssetInput } from '@hearth/console-core';
import { showProblems } from '../../shared/form-problems';
import { REGISTER_LABELS } from '../../shared/labels.text';
import { ASSETS_TEXT } from '../assets.text';
import { AssetStore, type AssetDetails } from '../asset-page/asset.store';

type Characteristic = 'bedrooms' | 'floor' | 'builtYear' | 'heating' | 'liftAccess' | 'accessibility';

/** Which characteristics describe which kinds, as the assets module's rules say (asset.rules.ts). */
const CHARACTERISTICS_OF: Record<AssetKind, readonly Characteristic[]> = {
  ESTATE: ['builtYear'],
  BLOCK: ['builtYear', 'heating', 'liftAccess', 'accessibility'],
  DWELLING: ['bedrooms', 'floor', 'builtYear', 'heating', 'liftAccess', 'accessibility'],
  COMMUNAL: ['floor', 'builtYear', 'heating', 'liftAccess', 'accessibility'],
  GARAGE: ['builtYear', 'accessibility'],
};

/** A full UK postcode in any case and spacing; the API normalises it. */
const POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/;
const LIMITS = { bedrooms: [0, 20], floor: [-5, 200], builtYear: [1000, new Date().getFullYear() + 5] } as const;
const HEATING: readonly HeatingType[] = ['GAS', 'ELECTRIC', 'DISTRICT', 'HEAT_PUMP', 'OIL', 'SOLID_FUEL', 'OTHER', 'NONE'];
const FEATURES: readonly AccessibilityFeature[] = [
  'LEVEL_ACCESS', 'STEP_FREE_ENTRANCE', 'RAMP', 'WIDE_DOORS', 'WET_ROOM', 'STAIRLIFT', 'THROUGH_FLOOR_LIFT', 'HOIST', 'VISUAL_ALARM',
  'WHEELCHAIR_ADAPTED',
];

const wholeNumber = ([min, max]: readonly [number, number]): ValidatorFn => (control) => {
  const value = String(control.value ?? '').trim();
  if (value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? null : { range: { min, max } };
};

const text = (value: string | null, validators: ValidatorFn[] = []) => new FormControl(value ?? '', { nonNullable: true, validators });
const optionalText = (value: string) => value.trim() || null;
const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value));

/**
 * Changes an asset's address and characteristics. Only the characteristics its kind may have
 * are offered; every rule is checked here first and the API's own answer is shown by its field.
 */
@Component({
  selector: 'hearth-register-asset-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, MatOption, MatSelect, ReactiveFormsModule],
  templateUrl: './asset-form.component.html',
  styleUrl: './asset-form.component.scss',
})
export class AssetFormComponent implements OnInit {
  readonly asset = input.required<AssetDetails>();
  readonly closed = output<void>();

  private readonly store = inject(AssetStore);
  protected readonly t = translate(ASSETS_TEXT);
  protected readonly apiProblem = apiProblem;
  protected readonly labels = translate(REGISTER_LABELS);
  protected readonly common = inject(LanguageService).t;
  protected readonly heatingTypes = HEATING;
  protected readonly features = FEATURES;
  protected readonly limits = LIMITS;
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly has = computed(() => new Set<Characteristic>(CHARACTERISTICS_OF[this.asset().kind]));
  protected readonly needsName = computed(() => ['ESTATE', 'BLOCK'].includes(this.asset().kind));
  protected readonly needsAddress = computed(() => this.asset().kind === 'DWELLING');

  protected form!: FormGroup<{
    name: FormControl<string>;
    addressLine1: FormControl<string>;
    addressLine2: FormControl<string>;
    town: FormControl<string>;
    postcode: FormControl<string>;
    uprn: FormControl<string>;
    patch: FormControl<string>;
    bedrooms: FormControl<string>;
    floor: FormControl<string>;
    builtYear: FormControl<string>;
    heating: FormControl<HeatingType | null>;
    liftAccess: FormControl<boolean | null>;
    accessibility: FormControl<AccessibilityFeature[]>;
  }>;

  ngOnInit(): void {
    const asset = this.asset();
    const required = (needed: boolean) => (needed ? [Validators.required] : []);
    this.form = new FormGroup({
      name: text(asset.name, [...required(this.needsName()), Validators.maxLength(200)]),
      addressLine1: text(asset.addressLine1, [...required(this.needsAddress()), Validators.maxLength(200)]),
      addressLine2: text(asset.addressLine2, [Validators.maxLength(200)]),
      town: text(asset.town, [Validators.maxLength(100)]),
      postcode: text(asset.postcode, [...required(this.needsAddress()), Validators.pattern(POSTCODE)]),
      uprn: text(asset.uprn, [Validators.pattern(/^[0-9]{1,12}$/)]),
      patch: text(asset.patch, [Validators.maxLength(100)]),
      bedrooms: text(asset.bedrooms?.toString() ?? '', [wholeNumber(LIMITS.bedrooms)]),
      floor: text(asset.floor?.toString() ?? '', [wholeNumber(LIMITS.floor)]),
      builtYear: text(asset.builtYear?.toString() ?? '', [wholeNumber(LIMITS.builtYear)]),
      heating: new FormControl<HeatingType | null>(asset.heating),
      liftAccess: new FormControl<boolean | null>(asset.liftAccess),
      accessibility: new FormControl<AccessibilityFeature[]>([...asset.accessibility], { nonNullable: true }),
    });
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    this.message.set(null);
    if (this.form.invalid) return;
    this.saving.set(true);
    const outcome = await this.store.save(this.input());
    this.saving.set(false);
    if (outcome.saved) {
      this.closed.emit();
      return;
    }
    this.message.set(showProblems(this.form, outcome, this.t().notSaved));
  }

  /** The fields as the API takes them: blank is null (cleared), and only the kind's characteristics. */
  private input(): UpdateAssetInput {
    const value = this.form.getRawValue();
    const input: UpdateAssetInput = {
      name: optionalText(value.name),
      addressLine1: optionalText(value.addressLine1),
      addressLine2: optionalText(value.addressLine2),
      town: optionalText(value.town),
      postcode: optionalText(value.postcode),
      uprn: optionalText(value.uprn),
      patch: optionalText(value.patch),
    };
    const has = this.has();
    if (has.has('bedrooms')) input.bedrooms = optionalNumber(value.bedrooms);
    if (has.has('floor')) input.floor = optionalNumber(value.floor);
    if (has.has('builtYear')) input.builtYear = optionalNumber(value.builtYear);
    if (has.has('heating')) input.heating = value.heating;
    if (has.has('liftAccess')) input.liftAccess = value.liftAccess;
    if (has.has('accessibility')) input.accessibility = value.accessibility;
    return input;
  }
}
