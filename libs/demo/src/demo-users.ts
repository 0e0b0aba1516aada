import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Everyone signs in with this password: the issuer exists only for demos and tests. */
export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  /** A UUID like Keycloak's, derived from the email so it is the same on every start. */
  sub: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  roles: string[];
  /** Keycloak Organization alias naming the member (or guest organisation) the user works for; absent for consortium staff. */
  organization?: string;
  /** Human name of that member or guest organisation, shown on the login page only. */
  memberName?: string;
}

/** The realm roles every member's first admins get from onboarding. */
const MEMBER_ADMIN_ROLES = ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer'];

/** Consortium staff belong to no member, so no manifest names them. */
const CONSORTIUM_ADMIN: DemoUser = user({
  email: 'alex.morgan@hearth.example',
  firstName: 'Alex',
  lastName: 'Morgan',
  roles: ['consortium-admin'],
});

/**
 * Guest organisations of the demo (councils, health boards): not members, so no manifest names
 * them; the demo data invites them (apps/cli/src/demo/steps/spaces.demo.ts).
 */
export const DEMO_GUEST_ORGANISATIONS = [
  { slug: 'cardiff-council', name: 'Cardiff Council', kind: 'council', domains: ['cardiff-council.example'] },
] as const;

/** Their staff hold only the realm role `guest`: shared spaces and events, nothing of any member's. */
const GUESTS: DemoUser[] = [
  user({
    email: 'rhian.lloyd@cardiff-council.example',
    firstName: 'Rhian',
    lastName: 'Lloyd',
    roles: ['guest'],
    organization: 'cardiff-council',
    memberName: 'Cardiff Council',
  }),
];

interface MemberManifest {
  name: string;
  keycloak: { organization: string };
  admins?: { email: string; firstName: string; lastName: string }[];
}

/** Reads the member manifests (`tenants/*.yaml`) and returns their admins, the consortium admin and the guests' staff. */
export async function loadDemoUsers(tenantsDir: string): Promise<DemoUser[]> {
  const files = (await readdir(tenantsDir)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const members = await Promise.all(
    files.map(async (file) => parse(await readFile(join(tenantsDir, file), 'utf8')) as MemberManifest),
  );
  const memberAdmins = members.flatMap((member) =>
    (member.admins ?? []).map((admin) =>
      user({
        ...admin,
        roles: MEMBER_ADMIN_ROLES,
        organization: member.keycloak.organization,
        memberName: member.name,
      }),
    ),
  );
  return [CONSORTIUM_ADMIN, ...memberAdmins, ...GUESTS];
}

function user(fields: Omit<DemoUser, 'sub' | 'username' | 'name'>): DemoUser {
  return {
    ...fields,
    sub: stableUuid(fields.email),
    username: fields.email,
    name: `${fields.firstName} ${fields.lastName}`,
  };
}

export function findDemoUser(users: DemoUser[], login: string): DemoUser | undefined {
  const wanted = login.trim().toLowerCase();
  return users.find((candidate) => candidate.username === wanted || candidate.email === wanted);
}

/** The subject a demo user's tokens carry, so demo data can be theirs (their bookings, say). */
export function demoSubject(email: string): string {
  return stableUuid(email);
}

/** A name-based (version 5 layout) UUID, so the API can store subjects as uuid like Keycloak's. */
function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`hearth-demo-issuer:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
