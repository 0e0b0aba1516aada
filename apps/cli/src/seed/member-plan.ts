import { createHash } from 'node:crypto';
import type { Country, Language } from '@hearth/platform-database';
import { seededUuid } from './dataset-ids';
import { longTailSizes } from './member-sizes';
import { SeededRandom } from './seeded-random';
import { COUNTRY_WORDS, ORGANISATION_FORMS, townName } from './word-lists';

export interface SeedOptions {
  tenants: number;
  homes: number;
  seed: number;
}

/** Limits that keep names unique and ids within their 48-bit sequences. */
const MAX_TENANTS = 2_000;
const MAX_HOMES = 10_000_000;

/** The modules every generated member has switched on: the register and the noticeboard. */
export const SEEDED_MODULES = ['assets', 'tenancies', 'noticeboard'] as const;

export interface MemberPlan {
  /** 1-based position in the dataset. */
  index: number;
  id: string;
  slug: string;
  name: string;
  nameCy: string | null;
  registrationNumber: string;
  country: Country;
  languages: Language[];
  homes: number;
  /** The member's main town and its Royal Mail postcode area. */
  town: string;
  postcodeArea: string;
  /** Prefix of every id and random stream of this member's rows. */
  namespace: string;
}

/**
 * Members' countries repeat in this cycle of twenty: 14 in England, 3 in Scotland, 2 in Wales
 * and 1 in Northern Ireland, so even a three-member dataset has an English, a Welsh and a
 * Scottish member. (By number of landlords the sector is more English still; Welsh and
 * Scottish members are over-represented so that their tenures are always exercised.)
 */
const COUNTRY_CYCLE: readonly Country[] = [
  'england', 'wales', 'scotland', 'england', 'england', 'england', 'northern_ireland', 'england', 'england', 'scotland',
  'england', 'england', 'wales', 'england', 'england', 'england', 'scotland', 'england', 'england', 'england',
];

/** Everything the generator writes derives from this key: another seed or shape is another dataset. */
export function datasetKey(options: SeedOptions): string {
  return `hearth-seed/v1/${options.seed}/${options.tenants}/${options.homes}`;
}

/** A short tag of the dataset, added to member slugs so datasets never collide with each other or with real members. */
export function datasetTag(options: SeedOptions): string {
  return createHash('sha256').update(datasetKey(options)).digest('hex').slice(0, 6);
}

export function validateOptions(options: SeedOptions): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(options.tenants) || options.tenants < 1 || options.tenants > MAX_TENANTS) {
    problems.push(`--tenants must be a whole number from 1 to ${MAX_TENANTS.toLocaleString('en-GB')}`);
  }
  if (!Number.isInteger(options.homes) || options.homes < options.tenants || options.homes > MAX_HOMES) {
    problems.push(`--homes must be a whole number from the number of members to ${MAX_HOMES.toLocaleString('en-GB')}`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 2 ** 31 - 1) {
    problems.push('--seed must be a whole number from 0 to 2147483647');
  }
  return problems;
}

/** The members of a dataset: who they are, where, and how many homes each holds. */
export function planMembers(options: SeedOptions): MemberPlan[] {
  const key = datasetKey(options);
  const tag = datasetTag(options);
  const random = new SeededRandom(`${key}/members`);
  // Which member gets which size is the seed's choice; the long tail itself is fixed.
  const sizes = random.shuffle(longTailSizes(options.homes, options.tenants));
  const names = new MemberNames(random);
  return sizes.map((homes, i) => {
    const index = i + 1;
    const country = COUNTRY_CYCLE[i % COUNTRY_CYCLE.length];
    const { town, form } = names.next(country);
    const name = ORGANISATION_FORMS[form].en(town);
    const welsh = country === 'wales';
    return {
      index,
      id: seededUuid(`${key}/members`, index),
      slug: `${slugify(name)}-${tag}`,
      name,
      nameCy: welsh ? ORGANISATION_FORMS[form].cy(town) : null,
      registrationNumber: registrationNumber(country, random),
      country,
      // Welsh members work in both languages; some put Welsh first.
      languages: welsh ? (random.chance(0.3) ? ['cy', 'en'] : ['en', 'cy']) : ['en'],
      homes,
      town,
      postcodeArea: random.pick(COUNTRY_WORDS[country].postcodeAreas),
      namespace: `${key}/${index}`,
    };
  });
}

/**
 * Hands out distinct names per country: each (town, form) pair is used once, visited in an
 * order that jumps around the list (a stride coprime with its length), so neighbouring
 * members do not share a town.
 */
class MemberNames {
  private readonly used = new Map<Country, number>();
  private readonly offsets = new Map<Country, number>();

  constructor(private readonly random: SeededRandom) {}

  next(country: Country): { town: string; form: number } {
    const words = COUNTRY_WORDS[country];
    const towns = words.townStarts.length * words.townEnds.length;
    const size = towns * ORGANISATION_FORMS.length;
    const count = this.used.get(country) ?? 0;
    if (count >= size) throw new RangeError(`Only ${size} distinct member names can be made for ${country}`);
    this.used.set(country, count + 1);
    if (!this.offsets.has(country)) this.offsets.set(country, this.random.int(0, size - 1));
    const position = (count * strideFor(size) + this.offsets.get(country)!) % size;
    const townIndex = position % towns;
    return {
      town: townName(words.townStarts[Math.floor(townIndex / words.townEnds.length)], words.townEnds[townIndex % words.townEnds.length]),
      form: Math.floor(position / towns),
    };
  }
}

/** The first prime above a third of `size` that does not divide it. */
function strideFor(size: number): number {
  const isPrime = (n: number) => {
    for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
    return n > 1;
  };
  let stride = Math.floor(size / 3) + 1;
  while (!isPrime(stride) || size % stride === 0) stride++;
  return stride;
}

/** Registration numbers in each regulator's style; fictional, and not checked for uniqueness (nor is the real register's format). */
function registrationNumber(country: Country, random: SeededRandom): string {
  switch (country) {
    case 'england':
      return `L${random.int(1000, 4999)}`;
    case 'wales':
      return `L${random.int(100, 999)}`;
    case 'scotland':
      return `HEP${random.int(100, 399)}`;
    case 'northern_ireland':
      return `R${random.int(10, 99)}`;
  }
}

/** A slug for the registry: ASCII, lower case, hyphens; Welsh and Irish accents dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
