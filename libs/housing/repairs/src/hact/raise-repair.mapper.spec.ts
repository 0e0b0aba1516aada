import { DESCRIPTION_OF_WORK_MAX, toRaiseRepair, tradeName, type RaiseRepairSource } from './raise-repair.mapper';

const FULL: RaiseRepairSource = {
  workOrder: {
    id: '6f1c2d3e-0000-4000-8000-000000000001', number: 10432, emergency: false, trade: 'plumbing',
    targetAt: new Date('2025-12-08T00:00:00.000Z'),
  },
  priority: { hactPriority: 2 },
  repair: {
    description: 'Kitchen sink leaking under the unit', location: 'Kitchen', reportedAt: new Date('2025-12-01T09:15:00.000Z'),
    reporterName: 'Siân Evans', reporterPhone: '029 2087 2087',
  },
  asset: {
    id: '6f1c2d3e-0000-4000-8000-0000000000a1', uprn: '10023456789', addressLine1: 'Flat 3, Tŷ Coch', addressLine2: '12 Heol y Frenhines',
    town: 'Cardiff', postcode: 'CF10 1AA',
  },
  lines: [
    { sorCode: 'PL001', description: 'Renew waste trap', quantity: 1, standardMinutes: 45 },
    { sorCode: 'PL014', description: 'Reseal sink top', quantity: 2.5, standardMinutes: 30 },
  ],
  appointment: { day: '2025-12-03', slot: 'am' },
  contractor: { id: '6f1c2d3e-0000-4000-8000-0000000000c1', name: 'Taff Plumbing Ltd' },
};

describe('toRaiseRepair', () => {
  it('maps a full work order onto the RaiseRepair elements', () => {
    expect(toRaiseRepair(FULL)).toEqual({
      Reference: [
        { ID: '10432', AllocatedBy: 'Hearth', Description: 'Work order number' },
        { ID: FULL.workOrder.id, AllocatedBy: 'Hearth', Description: 'Work order id' },
      ],
      DescriptionOfWork: 'Kitchen sink leaking under the unit',
      EstimatedLaborHours: 2,
      Priority: { PriorityCode: 2, RequiredCompletionDateTime: '2025-12-08T00:00:00.000Z' },
      WorkClass: { WorkClassCode: '0', WorkClassDescription: 'Responsive repair' },
      WorkElement: [{
        Trade: [{ CustomCode: 'plumbing', CustomName: 'Plumbing' }],
        RateScheduleItem: [
          { CustomCode: 'PL001', CustomName: 'Renew waste trap', Quantity: { Amount: [1] } },
          { CustomCode: 'PL014', CustomName: 'Reseal sink top', Quantity: { Amount: [2.5] } },
        ],
      }],
      LocationOfRepair: 'Kitchen',
      DateReported: '2025-12-01T09:15:00.000Z',
      SitePropertyUnit: [{
        Reference: [
          { ID: '10023456789', AllocatedBy: 'UPRN', Description: 'Unique Property Reference Number' },
          { ID: FULL.asset.id, AllocatedBy: 'Hearth', Description: 'Asset id' },
        ],
        Address: { AddressLine: ['Flat 3, Tŷ Coch', '12 Heol y Frenhines'], CityName: 'Cardiff', PostalCode: 'CF10 1AA', Country: 'GB' },
      }],
      Contact: { Name: 'Siân Evans', Telephone: '029 2087 2087' },
      Appointment: { Date: '2025-12-03', Slot: 'am' },
      Contractor: { Name: 'Taff Plumbing Ltd', Reference: [{ ID: FULL.contractor!.id, AllocatedBy: 'Hearth', Description: 'Contractor id' }] },
    });
  });

  it('leaves out what is not known rather than sending nulls', () => {
    const message = toRaiseRepair({
      ...FULL,
      repair: { ...FULL.repair, location: null, reporterName: null, reporterPhone: null },
      asset: { ...FULL.asset, uprn: null, addressLine2: null, town: null, postcode: null },
      lines: [],
      appointment: null,
      contractor: null,
    });
    for (const absent of ['LocationOfRepair', 'Contact', 'Appointment', 'Contractor', 'EstimatedLaborHours']) {
      expect(message).not.toHaveProperty(absent);
    }
    expect(message.SitePropertyUnit).toEqual([{
      Reference: [{ ID: FULL.asset.id, AllocatedBy: 'Hearth', Description: 'Asset id' }],
      Address: { AddressLine: ['Flat 3, Tŷ Coch'], Country: 'GB' },
    }]);
    expect(message.WorkElement[0].RateScheduleItem).toEqual([]);
    expect(JSON.stringify(message)).not.toContain('null');
  });

  it('sends only the name when there is no phone number', () => {
    expect(toRaiseRepair({ ...FULL, repair: { ...FULL.repair, reporterPhone: null } }).Contact).toEqual({ Name: 'Siân Evans' });
  });

  it("shortens a description to the standard's 230 characters", () => {
    const message = toRaiseRepair({ ...FULL, repair: { ...FULL.repair, description: 'Damp '.repeat(100) } });
    expect(message.DescriptionOfWork).toHaveLength(DESCRIPTION_OF_WORK_MAX);
    expect(message.DescriptionOfWork.endsWith('…')).toBe(true);
  });

  it.each([
    { kind: 'an emergency', emergency: true, code: 1 },
    { kind: 'any other', emergency: false, code: 3 },
  ])('sends $kind work order whose priority the member has since removed as priority code $code', ({ emergency, code }) => {
    const message = toRaiseRepair({ ...FULL, workOrder: { ...FULL.workOrder, emergency }, priority: null });
    expect(message.Priority.PriorityCode).toBe(code);
  });

  it('names trades for people', () => {
    expect(tradeName('damp_and_mould')).toBe('Damp and mould');
    expect(tradeName('gas')).toBe('Gas');
  });
});
