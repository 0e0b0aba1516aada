/** A recovery stage's action: a letter from a template, or a task for the income officer. */
export type StageAction =
  | { kind: 'letter'; template: string }
  | { kind: 'task'; description: string; dueInWorkingDays: number };

/**
 * A step of arrears recovery. An account enters the first stage (in order) whose threshold it
 * has reached and it has not passed yet: arrears of at least `weeksOfRent` weeks of its current
 * charges and at least `minimumPence`.
 */
export interface RecoveryStage {
  code: string;
  name: string;
  weeksOfRent: number;
  minimumPence: number;
  actions: StageAction[];
}

/** An arrears band for reports and filters: arrears of `fromWeeks` weeks of rent or more. */
export interface ArrearsBand {
  code: string;
  name: string;
  fromWeeks: number;
}

/** A letter in both languages; `{{placeholders}}` are filled from the account (see docs/rent.md). */
export interface LetterTemplate {
  en: { subject: string; body: string };
  cy: { subject: string; body: string };
}

export interface RentSettings {
  /**
   * For weekly accounts charged for 50 or 48 weeks: the rent-free weeks, as week numbers of the
   * rent year (week 1 starts on the first Monday of April; a year has 52 or 53 weeks).
   */
  rentFreeWeeks: { '50': number[]; '48': number[] };
  arrearsBands: ArrearsBand[];
  recoveryStages: RecoveryStage[];
  letterTemplates: Record<string, LetterTemplate>;
  /** Days an arrangement's instalment may be late before the arrangement counts as broken. */
  arrangementGraceDays: number;
}

export const DEFAULT_RENT_FREE_WEEKS = { '50': [38, 52], '48': [37, 38, 51, 52] };

export const DEFAULT_ARREARS_BANDS: ArrearsBand[] = [
  { code: 'clear', name: 'Up to date', fromWeeks: 0 },
  { code: 'low', name: 'Under 4 weeks', fromWeeks: 1 },
  { code: 'medium', name: '4 to 8 weeks', fromWeeks: 4 },
  { code: 'high', name: '8 weeks or more', fromWeeks: 8 },
];

export const DEFAULT_RECOVERY_STAGES: RecoveryStage[] = [
  {
    code: 'reminder', name: 'Friendly reminder', weeksOfRent: 1, minimumPence: 5000,
    actions: [{ kind: 'letter', template: 'reminder' }],
  },
  {
    code: 'contact', name: 'Officer contact', weeksOfRent: 4, minimumPence: 20000,
    actions: [
      { kind: 'letter', template: 'contact' },
      { kind: 'task', description: 'Call or visit to agree a payment arrangement and check benefits', dueInWorkingDays: 5 },
    ],
  },
  {
    code: 'notice', name: 'Notice considered', weeksOfRent: 8, minimumPence: 40000,
    actions: [{ kind: 'task', description: 'Review the case for a Notice of Seeking Possession (possession notice in Wales)', dueInWorkingDays: 10 }],
  },
];

export const DEFAULT_LETTER_TEMPLATES: Record<string, LetterTemplate> = {
  reminder: {
    en: {
      subject: 'Your rent account {{paymentReference}}',
      body: 'Dear {{name}},\n\nYour rent account is {{balance}} in arrears. If you have already paid, thank you. If not, please pay or contact us on {{memberName}}\'s usual number: we can help.\n\nYours sincerely,\nIncome team, {{memberName}}',
    },
    cy: {
      subject: 'Eich cyfrif rhent {{paymentReference}}',
      body: 'Annwyl {{name}},\n\nMae gan eich cyfrif rhent ôl-ddyled o {{balance}}. Os ydych chi wedi talu eisoes, diolch. Os na, talwch neu cysylltwch â ni ar rif arferol {{memberName}}: gallwn ni helpu.\n\nYn gywir,\nTîm incwm, {{memberName}}',
    },
  },
  contact: {
    en: {
      subject: 'Please contact us about your rent, {{paymentReference}}',
      body: 'Dear {{name}},\n\nYour rent account is {{balance}} in arrears. Please contact your income officer within 7 days so that we can agree how to clear it together.\n\nYours sincerely,\nIncome team, {{memberName}}',
    },
    cy: {
      subject: 'Cysylltwch â ni am eich rhent, {{paymentReference}}',
      body: 'Annwyl {{name}},\n\nMae gan eich cyfrif rhent ôl-ddyled o {{balance}}. Cysylltwch â\'ch swyddog incwm o fewn 7 diwrnod er mwyn i ni gytuno gyda\'n gilydd sut i\'w chlirio.\n\nYn gywir,\nTîm incwm, {{memberName}}',
    },
  },
};

const code = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' };
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const letter = { type: 'object', additionalProperties: false, required: ['subject', 'body'], properties: { subject: text(200), body: text(10000) } };

/** The member's rent settings, checked by the platform against this schema (draft 2020-12) with defaults filled in. */
export const rentSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rentFreeWeeks: {
      type: 'object',
      additionalProperties: false,
      required: ['50', '48'],
      default: DEFAULT_RENT_FREE_WEEKS,
      description: 'Rent-free weeks of the rent year for accounts charged 50 or 48 weeks.',
      properties: {
        '50': { type: 'array', items: { type: 'integer', minimum: 1, maximum: 53 }, minItems: 2, maxItems: 2, uniqueItems: true },
        '48': { type: 'array', items: { type: 'integer', minimum: 1, maximum: 53 }, minItems: 4, maxItems: 4, uniqueItems: true },
      },
    },
    arrearsBands: {
      type: 'array', minItems: 1, maxItems: 10, default: DEFAULT_ARREARS_BANDS,
      items: {
        type: 'object', additionalProperties: false, required: ['code', 'name', 'fromWeeks'],
        properties: { code, name: text(100), fromWeeks: { type: 'number', minimum: 0, maximum: 520 } },
      },
    },
    recoveryStages: {
      type: 'array', maxItems: 20, default: DEFAULT_RECOVERY_STAGES,
      items: {
        type: 'object', additionalProperties: false, required: ['code', 'name', 'weeksOfRent', 'minimumPence', 'actions'],
        properties: {
          code, name: text(100),
          weeksOfRent: { type: 'number', minimum: 0, maximum: 520 },
          minimumPence: { type: 'integer', minimum: 0 },
          actions: {
            type: 'array', maxItems: 10,
            items: {
              oneOf: [
                { type: 'object', additionalProperties: false, required: ['kind', 'template'], properties: { kind: { const: 'letter' }, template: code } },
                {
                  type: 'object', additionalProperties: false, required: ['kind', 'description', 'dueInWorkingDays'],
                  properties: { kind: { const: 'task' }, description: text(500), dueInWorkingDays: { type: 'integer', minimum: 0, maximum: 365 } },
                },
              ],
            },
          },
        },
      },
    },
    letterTemplates: {
      type: 'object', default: DEFAULT_LETTER_TEMPLATES,
      propertyNames: code,
      additionalProperties: { type: 'object', additionalProperties: false, required: ['en', 'cy'], properties: { en: letter, cy: letter } },
    },
    arrangementGraceDays: { type: 'integer', minimum: 0, maximum: 60, default: 7 },
  },
};

/** What the schema cannot say: codes unique, stages in rising order, and every letter a stage sends defined. */
export function checkRentSettings(settings: Record<string, unknown>): { path: string; message: string }[] {
  const { recoveryStages, arrearsBands, letterTemplates } = settings as unknown as RentSettings;
  const problems: { path: string; message: string }[] = [];
  const once = (list: { code: string }[], path: string) =>
    list.forEach((item, i) => {
      const first = list.findIndex((other) => other.code === item.code);
      if (first < i) problems.push({ path: `/${path}/${i}/code`, message: `"${item.code}" is already the code of ${path === 'recoveryStages' ? 'stage' : 'band'} ${first + 1}` });
    });
  once(recoveryStages, 'recoveryStages');
  once(arrearsBands, 'arrearsBands');
  recoveryStages.forEach((stage, i) => {
    if (i > 0 && stage.weeksOfRent < recoveryStages[i - 1].weeksOfRent) {
      problems.push({ path: `/recoveryStages/${i}/weeksOfRent`, message: 'stages must be in rising order of weeks of rent' });
    }
    stage.actions.forEach((action, j) => {
      if (action.kind === 'letter' && !letterTemplates[action.template]) {
        problems.push({ path: `/recoveryStages/${i}/actions/${j}/template`, message: `there is no letter template "${action.template}"` });
      }
    });
  });
  return problems;
}
