import type { AppointmentSlot, Trade } from '../repairs.entities';

/**
 * A work order as the HACT repairs standard's RaiseRepair message describes it to a
 * contractor's system. Element names are the standard's (its JSON schemas spell them in
 * PascalCase); `Reference`, `Contact`, `Appointment` and `Contractor` are Hearth's additions,
 * listed as such in docs/partners/repairs-hact.md.
 */
export interface RaiseRepair {
  Reference: HactReference[];
  DescriptionOfWork: string;
  EstimatedLaborHours?: number;
  Priority: { PriorityCode: 1 | 2 | 3 | 4 | 5; RequiredCompletionDateTime: string };
  WorkClass: { WorkClassCode: string; WorkClassDescription: string };
  WorkElement: HactWorkElement[];
  LocationOfRepair?: string;
  DateReported: string;
  SitePropertyUnit: HactSitePropertyUnit[];
  Contact?: { Name?: string; Telephone?: string };
  Appointment?: { Date: string; Slot: AppointmentSlot };
  Contractor?: { Name: string; Reference: HactReference[] };
}

export interface HactReference { ID: string; AllocatedBy: string; Description: string }

export interface HactWorkElement {
  Trade: Array<{ CustomCode: string; CustomName: string }>;
  RateScheduleItem: Array<{ CustomCode: string; CustomName: string; Quantity: { Amount: number[] } }>;
}

export interface HactSitePropertyUnit {
  Reference: HactReference[];
  Address: { AddressLine: string[]; CityName?: string; PostalCode?: string; Country: 'GB' };
}

/** Everything the message is made from, as read by HactExportService. */
export interface RaiseRepairSource {
  workOrder: { id: string; number: number; emergency: boolean; trade: Trade; targetAt: Date };
  /** The member's priority of that code, or null when the member has since removed it. */
  priority: { hactPriority: 1 | 2 | 3 | 4 | 5 } | null;
  repair: { description: string; location: string | null; reportedAt: Date; reporterName: string | null; reporterPhone: string | null };
  asset: { id: string; uprn: string | null; addressLine1: string | null; addressLine2: string | null; town: string | null; postcode: string | null };
  lines: Array<{ sorCode: string; description: string; quantity: number; standardMinutes: number }>;
  appointment: { day: string; slot: AppointmentSlot } | null;
  contractor: { id: string; name: string } | null;
}

/** The standard caps DescriptionOfWork at 230 characters. */
export const DESCRIPTION_OF_WORK_MAX = 230;
/** Who allocated Hearth's own ids: work order numbers come from one deployment-wide sequence. */
const HEARTH = 'Hearth';
/** Responsive repairs (reported, triaged, raised) are the only class of work Hearth raises so far. */
const RESPONSIVE_REPAIR = { WorkClassCode: '0', WorkClassDescription: 'Responsive repair' };

export function toRaiseRepair(source: RaiseRepairSource): RaiseRepair {
  const { workOrder, repair, asset, lines, appointment, contractor } = source;
  const minutes = lines.reduce((sum, line) => sum + line.standardMinutes * line.quantity, 0);
  const contact = compact({ Name: repair.reporterName ?? undefined, Telephone: repair.reporterPhone ?? undefined });
  return compact({
    Reference: [
      { ID: String(workOrder.number), AllocatedBy: HEARTH, Description: 'Work order number' },
      { ID: workOrder.id, AllocatedBy: HEARTH, Description: 'Work order id' },
    ],
    DescriptionOfWork: truncate(repair.description.trim(), DESCRIPTION_OF_WORK_MAX),
    EstimatedLaborHours: lines.length ? Math.round((minutes / 60) * 100) / 100 : undefined,
    Priority: {
      // A priority the member has since removed keeps the urgency the work order was raised with.
      PriorityCode: source.priority?.hactPriority ?? (workOrder.emergency ? 1 : 3),
      RequiredCompletionDateTime: workOrder.targetAt.toISOString(),
    },
    WorkClass: RESPONSIVE_REPAIR,
    WorkElement: [{
      Trade: [{ CustomCode: workOrder.trade, CustomName: tradeName(workOrder.trade) }],
      RateScheduleItem: lines.map((line) => ({ CustomCode: line.sorCode, CustomName: line.description, Quantity: { Amount: [line.quantity] } })),
    }],
    LocationOfRepair: repair.location ?? undefined,
    DateReported: repair.reportedAt.toISOString(),
    SitePropertyUnit: [{
      Reference: [
        ...(asset.uprn ? [{ ID: asset.uprn, AllocatedBy: 'UPRN', Description: 'Unique Property Reference Number' }] : []),
        { ID: asset.id, AllocatedBy: HEARTH, Description: 'Asset id' },
      ],
      Address: compact({
        AddressLine: [asset.addressLine1, asset.addressLine2].filter((line): line is string => Boolean(line)),
        CityName: asset.town ?? undefined,
        PostalCode: asset.postcode ?? undefined,
        Country: 'GB' as const,
      }),
    }],
    Contact: Object.keys(contact).length ? contact : undefined,
    Appointment: appointment ? { Date: appointment.day, Slot: appointment.slot } : undefined,
    Contractor: contractor
      ? { Name: contractor.name, Reference: [{ ID: contractor.id, AllocatedBy: HEARTH, Description: 'Contractor id' }] }
      : undefined,
  });
}

/** "damp_and_mould" → "Damp and mould". */
export function tradeName(trade: Trade): string {
  const words = trade.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Leaves out absent elements, as the standard's optional elements are left out rather than sent as null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
