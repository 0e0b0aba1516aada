import { ACCESSIBILITY_FEATURES, ALLOWED_PARENT_KINDS, HEATING_TYPES, type AssetEntity, type AssetKindValue } from './asset.entity';
import type { AssetFieldProblem } from './asset.model';

/**
 * The rules an asset must keep, in one place, so the API and the bulk import give the same
 * answers in the same words. Pure: what only the database knows (the normalised postcode, the
 * parent's kind) comes in as facts. PostgreSQL's CHECKs stay as the last line of defence.
 */

/** Everything about an asset that a person or an import may write. */
export type AssetFields = Omit<AssetEntity, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

export interface AssetFacts {
  /** The postcode as `hearth.normalise_postcode` gave it back: null when the text is not one. */
  normalisedPostcode: string | null;
  /** The kind of the asset named by parentId (which must exist), or null when there is no parent. */
  parentKind: AssetKindValue | null;
}

const TEXT_LIMITS = { name: 200, addressLine1: 200, addressLine2: 200, town: 100, patch: 100 } as const;
type TextField = keyof typeof TEXT_LIMITS;

/** Homes are often registered while they are being built. */
const latestBuiltYear = () => new Date().getFullYear() + 5;

const RANGES = {
  bedrooms: { min: 0, max: () => 20 },
  floor: { min: -5, max: () => 200 },
  builtYear: { min: 1000, max: latestBuiltYear },
} as const;

const CHARACTERISTICS = ['bedrooms', 'floor', 'builtYear', 'heating', 'liftAccess', 'accessibility'] as const;
type Characteristic = (typeof CHARACTERISTICS)[number];

/** Which characteristics describe which kinds: bedrooms belong to a home, not to an estate. */
const CHARACTERISTICS_OF: Record<AssetKindValue, readonly Characteristic[]> = {
  estate: ['builtYear'],
  block: ['builtYear', 'heating', 'liftAccess', 'accessibility'],
  dwelling: ['bedrooms', 'floor', 'builtYear', 'heating', 'liftAccess', 'accessibility'],
  communal: ['floor', 'builtYear', 'heating', 'liftAccess', 'accessibility'],
  garage: ['builtYear', 'accessibility'],
};

const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);
const Article = (kind: string) => article(kind).replace(/^a/, 'A');
const anyOf = (words: readonly string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0]);

/** Whether a UPRN is well formed: 1 to 12 digits, not zero. A malformed one never reaches SQL as a bigint. */
export const isUprn = (value: string) => /^[0-9]{1,12}$/.test(value) && !/^0+$/.test(value);

/** Trims text, drops a UPRN's leading zeros (some datasets pad to 12 digits) and repeated features. */
export function tidyAssetFields<T extends Partial<AssetFields>>(fields: T): T {
  const tidy = { ...fields };
  for (const field of [...(Object.keys(TEXT_LIMITS) as TextField[]), 'postcode', 'uprn'] as const) {
    const value = tidy[field];
    if (typeof value === 'string') tidy[field] = value.trim() as T[typeof field];
  }
  if (typeof tidy.uprn === 'string') tidy.uprn = tidy.uprn.replace(/^0+(?=[0-9])/, '') as T['uprn'];
  if (tidy.accessibility) tidy.accessibility = [...new Set(tidy.accessibility)] as T['accessibility'];
  return tidy;
}

/** Every rule the asset breaks, field by field; empty when it may be saved. */
export function assetProblems(asset: AssetFields, facts: AssetFacts): AssetFieldProblem[] {
  const problems: AssetFieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const { kind } = asset;

  for (const [field, limit] of Object.entries(TEXT_LIMITS) as [TextField, number][]) {
    const value = asset[field];
    if (value === '') problem(field, `${field} must not be blank; leave it out or send null`);
    else if (value !== null && value.length > limit) problem(field, `${field} must be at most ${limit} characters`);
  }
  if (asset.postcode !== null && facts.normalisedPostcode === null) {
    problem('postcode', `"${asset.postcode}" is not a full UK postcode (like CF10 1AA)`);
  }
  if (asset.uprn !== null && !isUprn(asset.uprn)) problem('uprn', 'uprn must be 1 to 12 digits, and not 0');
  for (const [field, range] of Object.entries(RANGES) as [keyof typeof RANGES, (typeof RANGES)[keyof typeof RANGES]][]) {
    const value = asset[field];
    if (value !== null && (!Number.isInteger(value) || value < range.min || value > range.max())) {
      problem(field, `${field} must be a whole number from ${range.min} to ${range.max()}`);
    }
  }
  // GraphQL enums already keep these to known values; an import reads them as plain text.
  if (asset.heating !== null && !HEATING_TYPES.includes(asset.heating)) problem('heating', `heating must be one of ${anyOf(HEATING_TYPES)}`);
  const unknown = asset.accessibility.filter((feature) => !ACCESSIBILITY_FEATURES.includes(feature));
  if (unknown.length) problem('accessibility', `Unknown accessibility features: ${unknown.join(', ')}`);

  for (const characteristic of CHARACTERISTICS) {
    const value = asset[characteristic];
    const given = Array.isArray(value) ? value.length > 0 : value !== null;
    if (given && !CHARACTERISTICS_OF[kind].includes(characteristic)) problem(characteristic, `${Article(kind)} cannot have ${characteristic}`);
  }

  if ((kind === 'estate' || kind === 'block') && asset.name === null) problem('name', `${Article(kind)} needs a name`);
  if (kind === 'dwelling') {
    if (asset.addressLine1 === null) problem('addressLine1', 'A dwelling needs the first line of its address');
    if (asset.postcode === null) problem('postcode', 'A dwelling needs a postcode');
  }
  if ((kind === 'communal' || kind === 'garage') && asset.name === null && asset.addressLine1 === null) {
    problem('name', `${Article(kind)} needs a name or the first line of an address`);
  }

  const parents = ALLOWED_PARENT_KINDS[kind];
  if (facts.parentKind !== null && !parents.includes(facts.parentKind)) {
    problem(
      'parentId',
      parents.length
        ? `${Article(kind)} can only be part of ${anyOf(parents.map(article))}, not ${article(facts.parentKind)}`
        : `${Article(kind)} cannot be part of another asset`,
    );
  }
  return problems;
}

/** A legacy id (HACT Reference): the system that allocated it, the id, and what it is. */
export interface ReferenceFields {
  system: string;
  reference: string;
  description: string | null;
}

const REFERENCE_LIMITS: Record<keyof ReferenceFields, number> = { system: 100, reference: 100, description: 200 };

export function tidyReferenceFields(fields: ReferenceFields): ReferenceFields {
  return { system: fields.system.trim(), reference: fields.reference.trim(), description: fields.description?.trim() ?? null };
}

export function referenceProblems(fields: ReferenceFields): AssetFieldProblem[] {
  const problems: AssetFieldProblem[] = [];
  for (const [field, limit] of Object.entries(REFERENCE_LIMITS) as [keyof ReferenceFields, number][]) {
    const value = fields[field];
    if (value === '') problems.push({ field, message: `${field} must not be blank` });
    else if (value !== null && value.length > limit) problems.push({ field, message: `${field} must be at most ${limit} characters` });
  }
  return problems;
}
