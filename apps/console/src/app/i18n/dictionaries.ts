/**
 * The shell's own words in English and Welsh. Data from the API (member and module names) is shown as it comes.
 * `cy` is typed by `en`, so a string added in one language and forgotten in the other fails the build.
 */
export type Language = 'en' | 'cy';

export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'cy', name: 'Cymraeg' },
];

const en = {
  appName: 'Hearth console',
  skipToMain: 'Skip to main content',
  language: 'Language',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInHeading: 'Sign in to Hearth',
  signInIntro: 'Sign in with your organisation account to manage homes, tenancies and repairs.',
  signingIn: 'Signing you in…',
  signInFailed: 'Sign-in did not finish.',
  tryAgain: 'Try again',
  loading: 'Loading…',
  you: 'You',
  name: 'Name',
  email: 'Email',
  username: 'Username',
  roles: 'Roles',
  organisation: 'Organisation',
  country: 'Country',
  registrationNumber: 'Registration number',
  languages: 'Languages',
  noOrganisation: 'You are not acting for a member association.',
  actingFor: 'Acting for member',
  actingForNone: 'No member (consortium view)',
  actingForHint: 'Consortium admins see and change a member’s data only while acting for it.',
  modules: 'Modules',
  module: 'Module',
  description: 'Description',
  version: 'Version',
  state: 'State',
  on: 'On',
  off: 'Off',
  core: 'Core',
  noModules: 'No modules are available.',
  countries: {
    ENGLAND: 'England',
    WALES: 'Wales',
    SCOTLAND: 'Scotland',
    NORTHERN_IRELAND: 'Northern Ireland',
  },
  errors: {
    UNAUTHENTICATED: 'Your session has ended. Sign in again to carry on.',
    FORBIDDEN: 'You do not have permission to see this.',
    MODULE_DISABLED: 'This module is switched off for your organisation.',
    TENANT_REQUIRED: 'Choose a member association to act for first.',
    UNKNOWN_MEMBER: 'The member association you were acting for could not be found.',
    NETWORK: 'The Hearth API could not be reached. Check your connection and try again.',
    UNKNOWN: 'Something went wrong.',
  },
};

export type Dictionary = typeof en;
export type Country = keyof Dictionary['countries'];

const cy: Dictionary = {
  appName: 'Consol Hearth',
  skipToMain: 'Neidio i’r prif gynnwys',
  language: 'Iaith',
  signIn: 'Mewngofnodi',
  signOut: 'Allgofnodi',
  signInHeading: 'Mewngofnodi i Hearth',
  signInIntro: 'Mewngofnodwch gyda chyfrif eich sefydliad i reoli cartrefi, tenantiaethau a gwaith atgyweirio.',
  signingIn: 'Wrthi’n eich mewngofnodi…',
  signInFailed: 'Ni orffennodd y mewngofnodi.',
  tryAgain: 'Rhowch gynnig arall arni',
  loading: 'Yn llwytho…',
  you: 'Chi',
  name: 'Enw',
  email: 'E-bost',
  username: 'Enw defnyddiwr',
  roles: 'Rolau',
  organisation: 'Sefydliad',
  country: 'Gwlad',
  registrationNumber: 'Rhif cofrestru',
  languages: 'Ieithoedd',
  noOrganisation: 'Nid ydych yn gweithredu ar ran cymdeithas sy’n aelod.',
  actingFor: 'Gweithredu ar ran aelod',
  actingForNone: 'Dim aelod (golwg y consortiwm)',
  actingForHint: 'Dim ond wrth weithredu ar ran aelod y gall gweinyddwyr y consortiwm weld a newid ei ddata.',
  modules: 'Modiwlau',
  module: 'Modiwl',
  description: 'Disgrifiad',
  version: 'Fersiwn',
  state: 'Cyflwr',
  on: 'Ymlaen',
  off: 'I ffwrdd',
  core: 'Craidd',
  noModules: 'Nid oes modiwlau ar gael.',
  countries: {
    ENGLAND: 'Lloegr',
    WALES: 'Cymru',
    SCOTLAND: 'Yr Alban',
    NORTHERN_IRELAND: 'Gogledd Iwerddon',
  },
  errors: {
    UNAUTHENTICATED: 'Mae eich sesiwn wedi dod i ben. Mewngofnodwch eto i barhau.',
    FORBIDDEN: 'Nid oes gennych ganiatâd i weld hyn.',
    MODULE_DISABLED: 'Mae’r modiwl hwn wedi’i ddiffodd ar gyfer eich sefydliad.',
    TENANT_REQUIRED: 'Dewiswch gymdeithas sy’n aelod i weithredu ar ei rhan yn gyntaf.',
    UNKNOWN_MEMBER: 'Ni chafwyd hyd i’r gymdeithas yr oeddech yn gweithredu ar ei rhan.',
    NETWORK: 'Nid oedd modd cysylltu ag API Hearth. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
    UNKNOWN: 'Aeth rhywbeth o’i le.',
  },
};

export const DICTIONARIES: Record<Language, Dictionary> = { en, cy };
