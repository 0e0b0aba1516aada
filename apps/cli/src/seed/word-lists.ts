import type { Country } from '@hearth/platform-database';

/**
 * The words fictional places, streets and people are made of. Names are common UK ones, so a
 * generated register reads like a real one; towns are made up from typical parts of each
 * country's place names, and every email and phone number is in a range reserved for fiction
 * (example.com, Ofcom's drama numbers), so nothing generated can reach a real person.
 */
export interface CountryWords {
  /** Town names are a start and an end: "Thorn" + "bury". */
  townStarts: readonly string[];
  townEnds: readonly string[];
  /** Royal Mail postcode areas in the country; districts and sectors are drawn within them. */
  postcodeAreas: readonly string[];
  /** Whole street names in the country's own language (Welsh ones in Wales), used beside the English ones. */
  localStreets: readonly string[];
  streetTypes: readonly string[];
  familyNames: readonly string[];
  givenFemale: readonly string[];
  givenMale: readonly string[];
}

/** "Thorn" and "bury" make "Thornbury"; "Bally" and "more" make "Ballymore". */
export function townName(start: string, end: string): string {
  return start + end;
}

/** How a member styles itself; each country's members choose from the same forms. */
export const ORGANISATION_FORMS = [
  { en: (town: string) => `${town} Housing Association`, cy: (town: string) => `Cymdeithas Tai ${town}` },
  { en: (town: string) => `${town} Homes`, cy: (town: string) => `Cartrefi ${town}` },
  { en: (town: string) => `${town} Housing Trust`, cy: (town: string) => `Ymddiriedolaeth Tai ${town}` },
  { en: (town: string) => `${town} Housing Group`, cy: (town: string) => `Grŵp Tai ${town}` },
  { en: (town: string) => `${town} Community Housing`, cy: (town: string) => `Tai Cymunedol ${town}` },
  { en: (town: string) => `${town} Housing Co-operative`, cy: (town: string) => `Cydweithfa Tai ${town}` },
  { en: (town: string) => `${town} & District Housing`, cy: (town: string) => `Tai ${town} a'r Cylch` },
] as const;

/** Street names anywhere in the UK; many recall the trees, birds and housing reformers estates were named after. */
export const STREET_NAMES = [
  'Mill', 'Church', 'Station', 'Park', 'Victoria', 'Albert', 'Queens', 'Kings', 'Manor', 'Chapel', 'Meadow', 'Orchard',
  'Spring', 'Brook', 'School', 'Castle', 'Bridge', 'Heath', 'Forge', 'Wharf', 'Canal', 'Market', 'Windmill', 'Rose',
  'Willow', 'Cedar', 'Beech', 'Oak', 'Elm', 'Ash', 'Holly', 'Hawthorn', 'Rowan', 'Chestnut', 'Sycamore', 'Laurel',
  'Primrose', 'Bluebell', 'Foxglove', 'Nightingale', 'Kingfisher', 'Swallow', 'Lark', 'Wren', 'Heron', 'Jubilee',
  'Coronation', 'Festival', 'Attlee', 'Bevan', 'Lansbury', 'Seacole', 'Pankhurst', 'Brunel', 'Stephenson', 'Fleming',
];
const STREET_TYPES = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Way', 'Crescent', 'Drive', 'Grove', 'Gardens', 'Terrace', 'Walk', 'Place', 'Rise', 'View'];

/** Blocks and estates take the same words as streets; tall blocks are towers, points or heights. */
export const BLOCK_FORMS = { low: ['House', 'Court', 'Lodge'], tall: ['Tower', 'Point', 'Heights'] };
export const ESTATE_FORMS = ['Estate', 'Park', 'Green', 'Fields', 'Farm Estate', 'Gardens Estate'];
/** Patches are named after their town; a town's sixth patch and beyond are numbered. */
export const PATCH_QUARTERS = ['North', 'South', 'East', 'West', 'Central'];

const GIVEN_FEMALE = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Lily', 'Emily', 'Ella', 'Chloe', 'Jessica', 'Sarah', 'Emma',
  'Hannah', 'Laura', 'Rebecca', 'Amy', 'Rachel', 'Claire', 'Karen', 'Julie', 'Susan', 'Linda', 'Margaret', 'Patricia',
  'Jean', 'Sandra', 'Helen', 'Nicola', 'Michelle', 'Lisa', 'Joanne', 'Kerry', 'Aisha', 'Fatima', 'Amira', 'Priya',
  'Zara', 'Maria', 'Agnieszka', 'Chidinma', 'Layla', 'Ruby', 'Freya', 'Doreen', 'Maureen', 'Shirley', 'Pauline',
];
const GIVEN_MALE = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Jack', 'Charlie', 'Thomas', 'James', 'Daniel', 'David',
  'Michael', 'John', 'Paul', 'Mark', 'Peter', 'Robert', 'Andrew', 'Stephen', 'Christopher', 'Gary', 'Kevin', 'Darren',
  'Lee', 'Craig', 'Dean', 'Ryan', 'Liam', 'Connor', 'Mohammed', 'Ali', 'Omar', 'Hassan', 'Arjun', 'Tomasz', 'Piotr',
  'Kwame', 'Tunde', 'Samuel', 'Brian', 'Keith', 'Derek', 'Raymond',
];
const FAMILY_UK = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
  'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
  'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
  'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins',
  'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams',
  'Singh', 'Begum', 'Ahmed', 'Hussain', 'Ali', 'Nowak', 'Kowalski', 'Okafor', 'Mensah', 'Osei', 'Campbell',
];

export const COUNTRY_WORDS: Record<Country, CountryWords> = {
  england: {
    townStarts: ['Ash', 'Bram', 'Brad', 'Cal', 'Chel', 'Dun', 'Elm', 'Fern', 'Gold', 'Hal', 'Hart', 'Holm', 'Kings', 'Lang', 'Lid',
      'Mar', 'Mill', 'Nor', 'Oak', 'Ox', 'Pem', 'Red', 'Ros', 'Stan', 'Thorn', 'Up', 'Wal', 'Whit', 'Wick', 'Wood'],
    townEnds: ['bridge', 'bury', 'by', 'combe', 'dale', 'den', 'field', 'ford', 'gate', 'ham', 'hurst', 'ley', 'mere', 'mouth',
      'stead', 'stow', 'thorpe', 'ton', 'well', 'worth'],
    postcodeAreas: ['B', 'BD', 'BL', 'BN', 'BS', 'CV', 'DE', 'DN', 'DY', 'E', 'HD', 'HU', 'L', 'LE', 'LN', 'LS', 'M', 'ME', 'N',
      'NE', 'NG', 'NN', 'NR', 'OL', 'PE', 'PL', 'PO', 'PR', 'S', 'SE', 'SO', 'SR', 'ST', 'TS', 'WF', 'WS', 'WV', 'YO'],
    localStreets: [],
    streetTypes: STREET_TYPES,
    familyNames: FAMILY_UK,
    givenFemale: GIVEN_FEMALE,
    givenMale: GIVEN_MALE,
  },
  wales: {
    townStarts: ['Aber', 'Llan', 'Pont', 'Cwm', 'Caer', 'Pen', 'Tre', 'Bryn', 'Maes', 'Nant', 'Glyn', 'Rhos'],
    townEnds: ['gwyn', 'fach', 'fawr', 'derw', 'nant', 'afon', 'celyn', 'wern', 'meurig', 'teg'],
    postcodeAreas: ['CF', 'SA', 'LL', 'NP', 'SY', 'LD'],
    localStreets: ['Heol y Felin', 'Ffordd yr Eglwys', 'Lôn Glan', 'Stryd Fawr', 'Heol Newydd', 'Maes y Dderwen', 'Ffordd y Bryn',
      'Heol Caerau', 'Lôn y Parc', 'Cae Glas', "Rhodfa'r Môr", 'Heol Tŷ Gwyn', 'Clos y Wern', 'Llys Celyn', 'Heol yr Ysgol'],
    streetTypes: STREET_TYPES,
    familyNames: ['Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Hughes', 'Lewis', 'Morgan', 'Griffiths', 'Edwards',
      'James', 'Rees', 'Jenkins', 'Owen', 'Price', 'Phillips', 'Lloyd', 'Pritchard', 'Powell', 'Parry', 'Howells', 'Bowen',
      'Pugh', 'Vaughan', 'Llewellyn', 'Smith', 'Taylor', 'Walker', 'Khan', 'Brown', 'Wilson'],
    givenFemale: [...GIVEN_FEMALE, 'Ffion', 'Seren', 'Cerys', 'Megan', 'Siân', 'Rhiannon', 'Nia', 'Carys', 'Bethan', 'Eleri', 'Angharad', 'Lowri'],
    givenMale: [...GIVEN_MALE, 'Rhys', 'Dafydd', 'Gethin', 'Iwan', 'Owain', 'Gareth', 'Dylan', 'Emyr', 'Huw', 'Aled', 'Ieuan', 'Llŷr'],
  },
  scotland: {
    townStarts: ['Kil', 'Dun', 'Inver', 'Auch', 'Bal', 'Glen', 'Strath', 'Kirk', 'Loch', 'Craig', 'Fin', 'Mor'],
    townEnds: ['more', 'brae', 'ton', 'muir', 'haven', 'ross', 'lie', 'dean', 'bank', 'side'],
    postcodeAreas: ['G', 'EH', 'AB', 'DD', 'KY', 'PA', 'IV', 'FK', 'ML', 'KA'],
    localStreets: [],
    streetTypes: [...STREET_TYPES, 'Wynd', 'Brae', 'Loan', 'Row'],
    familyNames: ['Smith', 'Brown', 'Wilson', 'Campbell', 'Stewart', 'Thomson', 'Robertson', 'Anderson', 'MacDonald', 'Scott', 'Reid',
      'Murray', 'Taylor', 'Clark', 'Ross', 'Watson', 'Morrison', 'Paterson', 'Young', 'Mitchell', 'Walker', 'Fraser', 'Miller',
      'McDonald', 'Gray', 'Henderson', 'Hamilton', 'Johnston', 'Duncan', 'Graham', 'Ferguson', 'Kerr', 'Davidson', 'Bell',
      'Cameron', 'Kelly', 'Martin', 'Hunter', 'Allan', 'Grant', 'Mackenzie', 'Ali'],
    givenFemale: [...GIVEN_FEMALE, 'Morag', 'Eilidh', 'Kirsty', 'Fiona', 'Ishbel', 'Catriona', 'Mhairi', 'Shona'],
    givenMale: [...GIVEN_MALE, 'Callum', 'Fraser', 'Hamish', 'Euan', 'Angus', 'Lachlan', 'Ross', 'Alasdair'],
  },
  northern_ireland: {
    townStarts: ['Bally', 'Carrick', 'Dun', 'Lis', 'Kil', 'Rath', 'Derry', 'Ennis', 'Clough', 'Drum'],
    townEnds: ['more', 'beg', 'na', 'keel', 'garvan', 'mena', 'lough', 'gannon', 'clare', 'kerry'],
    postcodeAreas: ['BT'],
    localStreets: [],
    streetTypes: STREET_TYPES,
    familyNames: ['Wilson', 'Campbell', 'Kelly', 'Johnston', 'Moore', 'Thompson', 'Smyth', 'Brown', "O'Neill", 'Doherty', 'Stewart',
      'Quinn', 'Robinson', 'Murphy', 'Graham', 'McLaughlin', 'Hamilton', 'Murray', 'Hughes', 'Patterson', 'Martin', 'McCann',
      'Boyle', 'Gallagher', 'Devlin', 'Mullan', 'McKeown', 'Reid', 'Young', 'Ferguson'],
    givenFemale: [...GIVEN_FEMALE, 'Siobhan', 'Aoife', 'Niamh', 'Ciara', 'Orla', 'Róisín', 'Gráinne', 'Clodagh'],
    givenMale: [...GIVEN_MALE, 'Ciarán', 'Seán', 'Pádraig', 'Declan', 'Conor', 'Eoin', 'Cathal', 'Darragh'],
  },
};
