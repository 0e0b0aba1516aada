import type { AssetKindValue } from '@hearth/housing-assets';
import { seededUuid } from './dataset-ids';
import type { MemberPlan } from './member-plan';
import { HOMES_PER_UNIT, postcode, UNITS_PER_SECTOR } from './postcodes';
import { hash32, SeededRandom } from './seeded-random';
import { BLOCK_FORMS, COUNTRY_WORDS, ESTATE_FORMS, PATCH_QUARTERS, STREET_NAMES, townName } from './word-lists';

export type HomeForm = 'flat' | 'house' | 'bungalow';
export type Heating = 'gas' | 'electric' | 'district' | 'heat_pump' | 'oil';

/**
 * A run of homes that share a parent, a street and a postcode sector: the flats of one block,
 * or houses along one side of a street. The SQL expands each run into its homes, so the
 * layout stays small (about one run per 30 homes) however large the member.
 */
export interface HomeRun {
  /** The member-wide number of the run's first home; homes are numbered 1..member.homes. */
  first: number;
  homes: number;
  parent: string;
  form: HomeForm;
  street: string;
  /** The first house number (houses) or the block's street number (flats). */
  number: number;
  /** 2 when a run takes one side of the street (1, 3, 5...). */
  step: number;
  building: string | null;
  town: string;
  outward: string;
  sector: number;
  /** The unit (0..399) of the first home's postcode; every HOMES_PER_UNIT homes take the next. */
  unit: number;
  patch: string;
  built: number;
  perFloor: number | null;
  lift: boolean | null;
  heating: Heating;
}

/** An estate, block, communal area or garage, fully decided here: there are few of them. */
export interface StructureAsset {
  id: string;
  kind: Exclude<AssetKindValue, 'dwelling'>;
  parent: string | null;
  name: string;
  line1: string | null;
  line2: string | null;
  town: string;
  postcode: string | null;
  uprn: number | null;
  built: number | null;
  heating: Heating | null;
  lift: boolean | null;
  patch: string;
  reference: string;
}

export interface MemberLayout {
  structures: StructureAsset[];
  runs: HomeRun[];
  patches: string[];
}

/** A housing officer's patch holds about this many homes; an estate is never split between two. */
const PATCH_HOMES = 650;
/**
 * UPRNs: each member has a range of its own, placed by a hash of its namespace so that members
 * of different datasets rarely share one; dwellings take base + their number, blocks the top of
 * the range. Real UPRNs are 1 to 12 digits; these are all 12.
 */
const UPRN_BASE = 100_000_000_000;
const UPRN_RANGES = 8_000;
const UPRNS_PER_MEMBER = 100_000_000;
const BLOCK_UPRN_OFFSET = 90_000_000;

export function uprnBase(member: MemberPlan): number {
  return UPRN_BASE + (hash32(`${member.namespace}/uprn`) % UPRN_RANGES) * UPRNS_PER_MEMBER;
}

/** When estates were built: most council-era stock is post-war, with a steady trickle of new build since. */
const BUILD_DECADES: ReadonlyArray<readonly [number, number]> = [
  [1900, 3], [1920, 4], [1930, 6], [1950, 12], [1960, 16], [1970, 16], [1980, 10], [1990, 10], [2000, 9], [2010, 10], [2020, 4],
];
const LATEST_BUILD_YEAR = 2025;

/**
 * Lays out one member's stock: towns, estates of a few hundred homes, blocks of flats and
 * streets of houses (some bungalows), communal areas and garages, and patches of about
 * PATCH_HOMES homes. Deterministic from the member's namespace.
 */
export function layoutMember(member: MemberPlan): MemberLayout {
  return new Layout(member).build();
}

interface Town {
  name: string;
  /** Each of a member's towns is its own postcode district. */
  district: number;
  patch?: { name: string; homes: number };
  patchCount: number;
}

/** An estate being laid out: where it is, and the next free house number on each street and postcode unit. */
interface Site {
  id: string;
  decade: number;
  built: number;
  town: string;
  patch: string;
  outward: string;
  sector: number;
  unit: number;
  streets: string[];
  nextNumber: Map<string, number>;
}

/** Numbers go up along each street as blocks and runs of houses take their places, so no address repeats. */
function takeNumbers(site: Site, street: string, homes: number, step: number): number {
  const first = site.nextNumber.get(street) ?? 1;
  site.nextNumber.set(street, first + homes * step);
  return first;
}

class Layout {
  private readonly random: SeededRandom;
  private readonly words;
  private readonly structures: StructureAsset[] = [];
  private readonly runs: HomeRun[] = [];
  private readonly patches: string[] = [];
  private readonly towns: Town[];
  private readonly counters = { estate: 0, block: 0, communal: 0, garage: 0 };
  private nextHome = 1;

  constructor(private readonly member: MemberPlan) {
    this.random = new SeededRandom(`${member.namespace}/layout`);
    this.words = COUNTRY_WORDS[member.country];
    this.towns = this.chooseTowns();
  }

  build(): MemberLayout {
    let left = this.member.homes;
    while (left > 0) {
      let size = Math.max(8, Math.round(this.random.logNormal(220, 0.8)));
      // No estate of a handful of homes at the end: the last one takes the remainder.
      if (left - size < 8) size = left;
      this.estate(size);
      left -= size;
    }
    return { structures: this.structures, runs: this.runs, patches: this.patches };
  }

  /** A member's first town is its own; larger members reach into more towns. */
  private chooseTowns(): Town[] {
    const count = Math.min(6, Math.ceil(this.member.homes / 8_000));
    const names = new Set([this.member.town]);
    while (names.size < count) names.add(townName(this.random.pick(this.words.townStarts), this.random.pick(this.words.townEnds)));
    const districts = this.random.shuffle(Array.from({ length: 20 }, (_, i) => i + 1));
    return [...names].map((name, i) => ({ name, district: districts[i], patchCount: 0 }));
  }

  private estate(size: number): void {
    const r = this.random;
    // The member's own town holds about half of its homes.
    const town = r.chance(0.5) ? this.towns[0] : r.pick(this.towns);
    const decade = r.weighted(BUILD_DECADES);
    const name = `${r.pick(STREET_NAMES)} ${r.pick(ESTATE_FORMS)}`;
    const site: Site = {
      id: seededUuid(`${this.member.namespace}/estate`, ++this.counters.estate),
      decade,
      built: Math.min(LATEST_BUILD_YEAR, decade + r.int(0, 9)),
      town: town.name,
      patch: this.patchFor(town, size),
      outward: `${this.member.postcodeArea}${town.district}`,
      sector: r.int(0, 9),
      unit: r.int(0, UNITS_PER_SECTOR - 1),
      streets: this.streetNames(1 + Math.floor(size / 60)),
      nextNumber: new Map(),
    };
    this.structures.push({
      id: site.id, kind: 'estate', parent: null, name, line1: null, line2: null, town: site.town, postcode: null, uprn: null,
      built: site.built, heating: null, lift: null, patch: site.patch, reference: `ES${this.counters.estate}`,
    });
    if (size >= 100) this.communal(site, site.id, `${name} community room`, null);
    const flats = Math.round(size * this.flatShare(decade));
    this.blocks(site, flats);
    this.houses(site, size - flats);
    if (size - flats >= 20 && r.chance(0.5)) this.garages(site, size - flats);
  }

  /** Flats in blocks; 1960s and 70s estates have some towers. */
  private blocks(site: Site, flats: number): void {
    const r = this.random;
    for (let left = flats; left > 0; ) {
      const tall = site.decade >= 1960 && site.decade < 1980 && r.chance(0.15);
      const homes = Math.min(left, tall ? r.int(40, 100) : r.int(6, 30));
      const perFloor = tall ? r.int(4, 8) : r.int(2, 6);
      const floors = Math.ceil(homes / perFloor);
      const lift = floors >= 5 || (site.built >= 1990 && floors >= 3);
      const street = r.pick(site.streets);
      const number = takeNumbers(site, street, 1, 1);
      const name = `${r.pick(STREET_NAMES)} ${r.pick(tall ? BLOCK_FORMS.tall : BLOCK_FORMS.low)}`;
      const heating = this.heating(site.built, 'flat', tall);
      const id = seededUuid(`${this.member.namespace}/block`, ++this.counters.block);
      const code = postcode(site.outward, site.sector, site.unit);
      this.structures.push({
        id, kind: 'block', parent: site.id, name, line1: name, line2: `${number} ${street}`, town: site.town, postcode: code,
        uprn: uprnBase(this.member) + BLOCK_UPRN_OFFSET + this.counters.block, built: site.built, heating, lift, patch: site.patch,
        reference: `BL${this.counters.block}`,
      });
      this.communal(site, id, `${name} communal areas`, code);
      this.run(site, { homes, parent: id, form: 'flat', street, number, step: 1, building: name, built: site.built, perFloor, lift, heating });
      left -= homes;
    }
  }

  /** Houses along the estate's streets, one side (1, 3, 5...) or both; some runs are bungalows. */
  private houses(site: Site, houses: number): void {
    const r = this.random;
    for (let left = houses; left > 0; ) {
      const form = r.chance(0.1) ? 'bungalow' : 'house';
      const homes = Math.min(left, form === 'bungalow' ? r.int(4, 12) : r.int(10, 60));
      const street = r.pick(site.streets);
      const step = r.chance(0.5) ? 2 : 1;
      const number = takeNumbers(site, street, homes, step);
      const built = Math.min(LATEST_BUILD_YEAR, site.built + r.int(0, 2));
      this.run(site, { homes, parent: site.id, form, street, number, step, building: null, built, perFloor: null, lift: null,
        heating: this.heating(built, form, false) });
      left -= homes;
    }
  }

  private garages(site: Site, houses: number): void {
    const street = this.random.pick(site.streets);
    const garages = Math.max(1, Math.round(houses * this.random.next() * 0.1));
    for (let g = 1; g <= garages; g++) {
      this.structures.push({
        id: seededUuid(`${this.member.namespace}/garage`, ++this.counters.garage), kind: 'garage', parent: site.id,
        name: `Garage ${g}, ${street}`, line1: null, line2: null, town: site.town, postcode: null, uprn: null, built: site.built,
        heating: null, lift: null, patch: site.patch, reference: `GA${this.counters.garage}`,
      });
    }
  }

  /** A run of homes on the site: the next home numbers, and the next postcode units (about twelve homes to one). */
  private run(site: Site, run: Omit<HomeRun, 'first' | 'town' | 'outward' | 'sector' | 'unit' | 'patch'>): void {
    this.runs.push({ first: this.nextHome, town: site.town, outward: site.outward, sector: site.sector, unit: site.unit, patch: site.patch, ...run });
    this.nextHome += run.homes;
    site.unit += Math.ceil(run.homes / HOMES_PER_UNIT);
  }

  private communal(site: Site, parent: string, name: string, code: string | null): void {
    this.structures.push({
      id: seededUuid(`${this.member.namespace}/communal`, ++this.counters.communal), kind: 'communal', parent, name, line1: null,
      line2: null, town: site.town, postcode: code, uprn: null, built: null, heating: null, lift: null, patch: site.patch,
      reference: `CM${this.counters.communal}`,
    });
  }

  /** Estates join the town's open patch until it holds about PATCH_HOMES homes. */
  private patchFor(town: Town, homes: number): string {
    if (!town.patch || town.patch.homes + homes > PATCH_HOMES * 1.2) {
      const n = town.patchCount++;
      const name = n < PATCH_QUARTERS.length ? `${town.name} ${PATCH_QUARTERS[n]}` : `${town.name} ${n + 1}`;
      town.patch = { name, homes: 0 };
      this.patches.push(name);
    }
    town.patch.homes += homes;
    return town.patch.name;
  }

  /** Inter-war and post-war cottage estates are mostly houses; the 1960s and 70s built flats; new build mixes both. */
  private flatShare(decade: number): number {
    const [low, high] = decade < 1950 ? [0.1, 0.3] : decade < 1980 ? [0.45, 0.85] : decade < 2000 ? [0.2, 0.5] : [0.4, 0.7];
    return low + this.random.next() * (high - low);
  }

  private heating(built: number, form: HomeForm, tall: boolean): Heating {
    const r = this.random;
    if (built >= 2015 && r.chance(0.4)) return 'heat_pump';
    if (tall) return r.chance(0.35) ? 'district' : 'electric';
    // Many houses in Northern Ireland, and some in rural Wales and Scotland, are off the gas grid.
    const oil = { england: 0.01, wales: 0.06, scotland: 0.04, northern_ireland: 0.35 }[this.member.country];
    if (form !== 'flat' && r.chance(oil)) return 'oil';
    return r.chance(form === 'flat' ? 0.2 : 0.08) ? 'electric' : 'gas';
  }

  private streetNames(count: number): string[] {
    const names = new Set<string>();
    while (names.size < Math.min(count, 8)) {
      const local = this.words.localStreets.length > 0 && this.random.chance(0.4);
      names.add(local ? this.random.pick(this.words.localStreets) : `${this.random.pick(STREET_NAMES)} ${this.random.pick(this.words.streetTypes)}`);
    }
    return [...names];
  }
}
