/** A priority code as repairs settings allow them. */
export const PRIORITY_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** A priority's target: clock hours (an emergency's 24 hours) or working days on the member's calendar. */
export type PriorityTarget = { hours: number } | { workingDays: number };

export interface RepairPriority {
  /** Stable code used on SOR lines, work orders and in files, e.g. `emergency`. */
  code: string;
  /** What the member's staff call it. */
  name: string;
  target: PriorityTarget;
  /** Counted as an emergency repair in RP02 (emergency and non-emergency are reported apart). */
  emergency: boolean;
  /** The HACT repairs standard's WorkPriority code (1 is the most urgent) sent to contractors. */
  hactPriority: 1 | 2 | 3 | 4 | 5;
}

export interface RepairsSettings {
  priorities: RepairPriority[];
  /**
   * How long before its target an open work order is flagged as approaching it. A work order
   * whose whole target is shorter is flagged when a fifth of its time is left.
   */
  approachingWithinHours: number;
}

/** A typical association's matrix; each member sets its own in its repairs settings. */
export const DEFAULT_PRIORITIES: RepairPriority[] = [
  { code: 'emergency', name: 'Emergency', target: { hours: 24 }, emergency: true, hactPriority: 1 },
  { code: 'urgent', name: 'Urgent', target: { workingDays: 5 }, emergency: false, hactPriority: 2 },
  { code: 'routine', name: 'Routine', target: { workingDays: 20 }, emergency: false, hactPriority: 3 },
  { code: 'planned', name: 'Planned', target: { workingDays: 60 }, emergency: false, hactPriority: 4 },
];

/** What the schema cannot say: each priority code once, since work orders and SOR codes name priorities by code. */
export function checkRepairsSettings(settings: Record<string, unknown>): { path: string; message: string }[] {
  const codes = (settings as unknown as RepairsSettings).priorities.map((priority) => priority.code);
  return codes.flatMap((code, i) =>
    codes.indexOf(code) < i ? [{ path: `/priorities/${i}/code`, message: `"${code}" is already the code of priority ${codes.indexOf(code) + 1}` }] : [],
  );
}

/** The member's repairs settings, checked by the platform against this schema (draft 2020-12) with defaults filled in. */
export const repairsSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    priorities: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      default: DEFAULT_PRIORITIES,
      description: 'The priorities repairs are triaged into, each with its target.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name', 'target', 'emergency', 'hactPriority'],
        properties: {
          code: { type: 'string', pattern: PRIORITY_CODE.source },
          name: { type: 'string', minLength: 1, maxLength: 100 },
          target: {
            oneOf: [
              {
                type: 'object', additionalProperties: false, required: ['hours'],
                properties: { hours: { type: 'integer', minimum: 1, maximum: 8760 } },
              },
              {
                type: 'object', additionalProperties: false, required: ['workingDays'],
                properties: { workingDays: { type: 'integer', minimum: 1, maximum: 365 } },
              },
            ],
          },
          emergency: { type: 'boolean' },
          hactPriority: { type: 'integer', minimum: 1, maximum: 5 },
        },
      },
    },
    approachingWithinHours: {
      type: 'integer',
      minimum: 1,
      maximum: 720,
      default: 24,
      description: 'How many hours before its target an open work order is flagged as approaching it.',
    },
  },
};
