/** What the rent screens need of a tenancy's parties to name its tenants. */
interface Party {
  role: string;
  person: { title: string | null; givenName: string; familyName: string };
}

/** The tenancy's current tenants as addressed ("Mrs Sian Jones, Owen Jones"); household members are left out. */
export function tenantNames(parties: readonly Party[] | null | undefined): string {
  return (parties ?? [])
    .filter((party) => party.role === 'TENANT')
    .map(({ person }) => [person.title, person.givenName, person.familyName].filter(Boolean).join(' '))
    .join(', ');
}

const POUNDS = /^\s*£?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/;

/** Pounds as staff type them ("15", "15.5", "£15.50") in pence, or null when it is not an amount. */
export function parsePounds(text: string): number | null {
  const match = POUNDS.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Today as the UK sees it, YYYY-MM-DD. */
export function ukToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
