import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/** The register scopes are shared with the assets module: a partner is given "the register", not each table of it. */
export const tenanciesPermissions = definePermissions({
  read: {
    description: 'Read people, households, tenancies and the dwelling register',
    roles: ANY_STAFF_ROLE,
    scopes: ['register:read'],
  },
  write: {
    description: 'Record people, their alerts, and tenancies and their changes',
    roles: [Role.TenantAdmin, Role.HousingOfficer],
    scopes: ['register:write'],
  },
  // No scope: a partner's systems (a contractor's, say) see an alert's meaning, never its note.
  alertNotes: {
    description: "Read the private note on a person alert; everyone else who reads the register sees the code's meaning",
    roles: [Role.TenantAdmin, Role.HousingOfficer],
  },
});

/** Payloads carry ids and codes, never personal details or alert notes: webhooks take events outside Hearth. */
export const TenanciesEvent = {
  PersonCreated: 'tenancies.person.created',
  PersonUpdated: 'tenancies.person.updated',
  AlertRaised: 'tenancies.alert.raised',
  AlertEnded: 'tenancies.alert.ended',
  TenancyStarted: 'tenancies.tenancy.started',
  TenancyEnded: 'tenancies.tenancy.ended',
  SuccessionRecorded: 'tenancies.tenancy.succeeded',
  MutualExchangeRecorded: 'tenancies.tenancy.exchanged',
  HouseholdMemberJoined: 'tenancies.household.joined',
  HouseholdMemberLeft: 'tenancies.household.left',
} as const;

export const tenanciesEvents = {
  [TenanciesEvent.PersonCreated]: { description: 'A person was added to the register.' },
  [TenanciesEvent.PersonUpdated]: { description: "A person's details changed; the payload names the fields." },
  [TenanciesEvent.AlertRaised]: { description: 'A HACT alert was raised on a person.' },
  [TenanciesEvent.AlertEnded]: { description: "A person's alert was ended." },
  [TenanciesEvent.TenancyStarted]: { description: 'A tenancy (occupation contract in Wales) was started on a dwelling.' },
  [TenanciesEvent.TenancyEnded]: { description: 'A tenancy was ended, with its last day and the reason.' },
  [TenanciesEvent.SuccessionRecorded]: { description: 'A household member or joint tenant succeeded to a tenancy.' },
  [TenanciesEvent.MutualExchangeRecorded]: { description: 'Two households exchanged homes: both tenancies ended and two began.' },
  [TenanciesEvent.HouseholdMemberJoined]: { description: 'A person joined a household.' },
  [TenanciesEvent.HouseholdMemberLeft]: { description: 'A person left a household.' },
};
