import type { Country } from '../i18n/dictionaries';

export const CONSORTIUM_ADMIN_ROLE = 'consortium-admin';

export interface Member {
  id: string;
  slug: string;
  name: string;
  /** The member's name in Welsh, shown when the shell is in Cymraeg. */
  nameCy: string | null;
  country: Country;
  languages: string[];
  registrationNumber: string;
}

export interface Me {
  subject: string;
  name: string | null;
  email: string | null;
  username: string | null;
  roles: string[];
  kind: 'USER' | 'PARTNER' | 'SYSTEM';
  /** True while a consortium admin acts for a member other than their own. */
  actingFor: boolean;
  /** The member whose data this session sees: the user's own, or the one acted for; null for neither. */
  member: Member | null;
}

export interface ModuleInfo {
  key: string;
  name: string;
  description: string;
  version: string;
  enabled: boolean;
  core: boolean;
}

export type MemberSummary = Pick<Member, 'id' | 'slug' | 'name' | 'country'>;

export interface ShellData {
  me: Me | null;
  modules: ModuleInfo[] | null;
}

export interface MembersData {
  members: { edges: { node: MemberSummary }[]; totalCount: number };
}

export const SHELL_QUERY = /* GraphQL */ `
  query Shell {
    me {
      subject
      name
      email
      username
      roles
      kind
      actingFor
      member { id slug name nameCy country languages registrationNumber }
    }
    modules { key name description version enabled core }
  }
`;

/** Only consortium admins may list members, so this is asked separately once `me` says who is signed in. */
export const MEMBERS_QUERY = /* GraphQL */ `
  query Members {
    members(first: 100) { edges { node { id slug name country } } totalCount }
  }
`;
