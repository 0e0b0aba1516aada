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
  /** Keycloak Organization alias naming the member the user works for; absent for consortium staff. */
  organization?: string;
  /** Human name of that member, shown on the login page only. */
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

interface MemberManifest {
  name: string;
  keycloak: { organization: string };
  admins?: { email: string; firstName: string; lastName: string }[];
}

/** Reads the member manifests (`tenants/*.yaml`) and returns their admins plus the consortium admin. */
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
  return [CONSORTIUM_ADMIN, ...memberAdmins];
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

/** A name-based (version 5 layout) UUID, so the API can store subjects as uuid like Keycloak's. */
function stableUuid(name: string): string {
  const bytes = createHash('sha1').update(`hearth-demo-issuer:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
