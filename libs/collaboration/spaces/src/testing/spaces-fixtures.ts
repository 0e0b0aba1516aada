import type { Client } from 'pg';
import { SpacesModule } from '../spaces.module';

// Test support for this library's integration tests: venues and spaces put in place as the
// superuser (behind the policies' back), and the GraphQL answer's data or a loud failure.

/** The module under test, served alone by serveModulesForTest. */
export const SPACES_MODULES = [SpacesModule];

export const EVERY_DAY_ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' }));
export const WEEKDAYS_NINE_TO_FIVE = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' }));

export async function insertVenue(
  admin: Client,
  name: string,
  fields: { operator?: string | null; openingHours?: unknown[]; active?: boolean } = {},
): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.venue (organisation_id, name, address, postcode, opening_hours, active)
     values ($1, $2, '1 Test Street, Cardiff', 'CF10 1AA', $3::jsonb, $4) returning id`,
    [fields.operator ?? null, name, JSON.stringify(fields.openingHours ?? EVERY_DAY_ALL_DAY), fields.active ?? true],
  );
  return rows[0].id;
}

export async function insertSpace(
  admin: Client,
  venueId: string,
  name: string,
  fields: { kind?: 'desk' | 'room'; capacity?: number; accessibility?: string[]; amenities?: string[]; active?: boolean } = {},
): Promise<string> {
  const kind = fields.kind ?? 'desk';
  const { rows } = await admin.query(
    `insert into hearth.bookable_space (venue_id, kind, name, capacity, accessibility, amenities, active)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [venueId, kind, name, fields.capacity ?? 1, fields.accessibility ?? [], fields.amenities ?? [], fields.active ?? true],
  );
  return rows[0].id;
}

/** A booking put in place directly (its occupancy follows by trigger), e.g. one that started in the past. */
export async function insertBooking(
  admin: Client,
  organisationId: string,
  spaceId: string,
  start: Date,
  end: Date,
  fields: { bookedBy?: string; status?: string; purpose?: string } = {},
): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.space_booking (organisation_id, space_id, booked_by, booked_by_name, during, status, purpose)
     values ($1, $2, $3, 'Test Booker', tstzrange($4, $5, '[)'), $6, $7) returning id`,
    [organisationId, spaceId, fields.bookedBy ?? 'test-subject', start, end, fields.status ?? 'booked', fields.purpose ?? 'Probe purpose'],
  );
  return rows[0].id;
}

/** The answer's data, or a failure that shows the errors. */
export function dataOf<T = Record<string, any>>(response: { data?: unknown; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** The next whole hour at least `hours` ahead. */
export function hoursAhead(hours: number, from = new Date()): Date {
  const at = new Date(from.getTime() + hours * 3_600_000);
  at.setUTCMinutes(0, 0, 0);
  return new Date(at.getTime() + 3_600_000);
}
