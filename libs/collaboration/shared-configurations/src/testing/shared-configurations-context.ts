import type { Type } from '@nestjs/common';
import type { Client } from 'pg';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
// The library's tests install the modules whose configuration it shares, as a deployment does;
// the library's own code never imports them (it collects their kinds and probes from the module registry).
/* eslint-disable @nx/enforce-module-boundaries */
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RepairsModule } from '@hearth/housing-repairs';
import { DEFAULT_LETTER_TEMPLATES, RentModule } from '@hearth/housing-rent';
/* eslint-enable @nx/enforce-module-boundaries */
import { SharedConfigurationsModule } from '../shared-configurations.module';

export const SHARED_CONFIGURATION_MODULES: readonly Type[] = [
  ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RepairsModule, RentModule, SharedConfigurationsModule,
];

/** Millbrook's own matrix: quicker emergencies and urgents, a damp priority, no planned work, and a 12-hour warning. */
export const MILLBROOK_REPAIRS = {
  priorities: [
    { code: 'emergency', name: 'Emergency', target: { hours: 4 }, emergency: true, hactPriority: 1 },
    { code: 'urgent', name: 'Urgent', target: { workingDays: 3 }, emergency: false, hactPriority: 2 },
    { code: 'routine', name: 'Routine', target: { workingDays: 20 }, emergency: false, hactPriority: 3 },
    { code: 'damp', name: 'Damp and mould', target: { workingDays: 10 }, emergency: false, hactPriority: 2 },
  ],
  approachingWithinHours: 12,
};

export { DEFAULT_LETTER_TEMPLATES };

/** A letter whose English body is `body`, the rest plain. */
export function letter(body: string, subject = 'About your rent') {
  return { en: { subject, body }, cy: { subject: 'Am eich rhent', body: 'Annwyl {{name}}, cysylltwch â ni.' } };
}

/** Puts one letter template in place for the member, beside the defaults the stages send. */
export async function setLetterTemplate(admin: Client, tenantId: string, code: string, template: ReturnType<typeof letter>): Promise<void> {
  await admin.query(
    `update hearth.tenant_module set settings = jsonb_set(coalesce(nullif(settings, '{}'::jsonb), $3::jsonb), array['letterTemplates', $4::text], $5::jsonb)
     where tenant_id = $1 and module_key = $2`,
    [tenantId, 'rent', JSON.stringify({ letterTemplates: DEFAULT_LETTER_TEMPLATES }), code, JSON.stringify(template)],
  );
}

export async function settingsOf(admin: Client, tenantId: string, module: string): Promise<Record<string, any>> {
  const { rows } = await admin.query(`select settings from hearth.tenant_module where tenant_id = $1 and module_key = $2`, [tenantId, module]);
  return rows[0]?.settings;
}

/** An occupied home with its tenant and rent account: the register a letter must not quote. */
export async function arrangeTenant(
  admin: Client,
  tenantId: string,
  fields: { title: string; given: string; family: string; line1: string; postcode: string; reference: string },
): Promise<void> {
  const { rows: [dwelling] } = await admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, town, postcode) values ($1, 'dwelling', $2, 'Millbrook', $3) returning id`,
    [tenantId, fields.line1, fields.postcode],
  );
  const { rows: [tenancy] } = await admin.query(
    `insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date) values ($1, $2, 'assured', '2020-01-06') returning id`,
    [tenantId, dwelling.id],
  );
  const { rows: [person] } = await admin.query(
    `insert into hearth.person (tenant_id, title, given_name, family_name) values ($1, $2, $3, $4) returning id`,
    [tenantId, fields.title, fields.given, fields.family],
  );
  await admin.query(`insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role) values ($1, $2, $3, 'tenant')`, [tenantId, tenancy.id, person.id]);
  await admin.query(
    `insert into hearth.rent_account (tenant_id, tenancy_id, payment_reference, frequency, charge_weeks, opened_on) values ($1, $2, $3, 'weekly', 52, '2020-01-06')`,
    [tenantId, tenancy.id, fields.reference],
  );
}

export function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

const ROW = `id lineageId version title description subject latest mine publishedBy withdrawnAt content kind { key } publisher { slug name }`;
const ERROR = '... on ErrorResult { code message }';
const REFUSED = '... on SharedConfigurationRefused { path dataKind found }';
const INVALID = '... on SharedConfigurationInvalid { problems { field message } }';
const CONFLICT = '... on SharedConfigurationVersionConflict { latestVersion }';
const OFF = '... on SharedConfigurationModuleOff { module }';

export const GQL = {
  KINDS: `{ configurationKinds { key name module moduleName subjectName available subjects contentSchema } }`,
  DRAFT: `query ($kind: String!, $subject: String) { sharedConfigurationDraft(kind: $kind, subject: $subject) { __typename
    ... on SharedConfigurationDraft { subject content kind { key } } ${ERROR} ${REFUSED} ${INVALID} ${OFF} } }`,
  PUBLISH: `mutation ($input: SharedConfigurationPublishInput!) { publishSharedConfiguration(input: $input) { __typename
    ... on SharedConfiguration { ${ROW} } ${ERROR} ${REFUSED} ${INVALID} ${CONFLICT} ${OFF} } }`,
  WITHDRAW: `mutation ($id: ID!) { withdrawSharedConfiguration(id: $id) { __typename ... on SharedConfiguration { id withdrawnAt } ${ERROR} } }`,
  LIBRARY: `query ($filter: SharedConfigurationFilter, $first: Int, $after: String) { sharedConfigurations(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${ROW} versions { version withdrawnAt } } } } }`,
  ONE: `query ($id: ID!) { sharedConfiguration(id: $id) { ${ROW} versions { id version latest withdrawnAt }
    myAdoption { id adaptedOnCopy adaptedSince source { version } } } }`,
  PREVIEW: `query ($id: ID!, $content: JSONObject, $target: String) { sharedConfigurationPreview(id: $id, content: $content, target: $target) { __typename
    ... on SharedConfigurationPreview { target before after adapted changes { item change fields } warnings { code items message } problems { field message } source { id version } }
    ${ERROR} ${INVALID} ${OFF} } }`,
  ADOPT: `mutation ($input: ConfigurationAdoptionInput!) { adoptSharedConfiguration(input: $input) { __typename
    ... on ConfigurationAdoption { id target adaptedOnCopy adaptedSince adoptedBy content kind { key } source { id version title publisher { slug } } }
    ${ERROR} ${INVALID} ${OFF} } }`,
  ADOPTIONS: `{ configurationAdoptions { totalCount edges { node { id target adaptedOnCopy adaptedSince kind { key } source { version title publisher { slug } } } } } }`,
};
