import { stringify } from 'yaml';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { SAMPLE_MODULES, sampleManifest } from '../testing/sample-modules';
import { ManifestValidator } from './manifest-validation';
import { formatProblem, parseManifest, type ManifestSource } from './member-manifest';

const validator = new ManifestValidator(new ModuleRegistry(SAMPLE_MODULES));

function source(document: Record<string, unknown>, file = `tenants/${document.slug}.yaml`): ManifestSource {
  const parsed = parseManifest(stringify(document), file);
  if ('problems' in parsed) throw new Error('the fixture is not valid YAML');
  return parsed;
}

describe('ManifestValidator', () => {
  it('accepts a valid manifest and resolves module settings with their defaults', () => {
    const { manifests, problems } = validator.validate([source(sampleManifest('alpha'))]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(manifests[0].modules)).toEqual({
      'sample-assets': { uprnRequired: true },
      'sample-repairs': { emergencyHours: 4 },
    });
  });

  it('takes an empty module entry (`key:` with nothing after it) as default settings', () => {
    const { manifests, problems } = validator.validate([source(sampleManifest('alpha', { modules: { 'sample-assets': null } }))]);
    expect(problems).toEqual([]);
    expect(manifests[0].modules.get('sample-assets')).toEqual({ uprnRequired: true });
  });

  it('lets core modules go unlisted, and accepts them listed', () => {
    const listed = sampleManifest('alpha', { modules: { members: {} } });
    expect(validator.validate([source(listed)]).problems).toEqual([]);
  });

  it.each([
    ['an unknown field', { colour: 'blue' }, '/colour', 'unknown field; allowed here: slug, name, nameCy'],
    ['an unknown nested field', { keycloak: { organization: 'alpha', realm: 'x' } }, '/keycloak/realm', 'unknown field; allowed here: organization, domains'],
    ['a missing field', { registrationNumber: undefined }, '/registrationNumber', 'is required'],
    ['a country outside the UK', { country: 'france' }, '/country', 'must be one of england, wales, scotland, northern_ireland (got "france")'],
    ['a country in capitals', { country: 'Wales' }, '/country', 'must be one of england, wales, scotland, northern_ireland (got "Wales")'],
    ['an unknown language', { languages: ['en', 'gd'] }, '/languages/1', 'must be one of en, cy (got "gd")'],
    ['a language twice', { languages: ['cy', 'cy'] }, '/languages', 'lists "cy" twice'],
    ['a blank name', { name: '   ' }, '/name', 'must not be blank (got "   ")'],
    ['a registration number in lower case', { registrationNumber: 'l1234' }, '/registrationNumber', 'must be capital letters'],
    ['an admin with a bad e-mail', { admins: [{ email: 'alex', firstName: 'A', lastName: 'B' }] }, '/admins/0/email', 'must be an e-mail address (got "alex")'],
    ['no admins', { admins: [] }, '/admins', 'must list at least 1'],
    ['a module key in capitals', { modules: { Repairs: {} } }, '/modules/Repairs', '"Repairs" must be a module key'],
    ['modules as a list', { modules: ['sample-assets'] }, '/modules', 'must be a mapping (key: value)'],
    ['an unknown module', { modules: { 'sample-rent': {} } }, '/modules/sample-rent', 'module "sample-rent" is not installed (installed: sample-assets, sample-repairs)'],
    ['a module without its dependency', { modules: { 'sample-repairs': {} } }, '/modules/sample-repairs', 'module "sample-repairs" needs "sample-assets" switched on too; list it under modules'],
    ['a setting out of range', { modules: { 'sample-assets': {}, 'sample-repairs': { settings: { emergencyHours: 48 } } } }, '/modules/sample-repairs/settings/emergencyHours', 'must be <= 24'],
    ['an unknown setting', { modules: { 'sample-assets': { settings: { colour: 'red' } } } }, '/modules/sample-assets/settings', 'unknown setting "colour"'],
    ['an admin listed twice', { admins: [{ email: 'a@x.example', firstName: 'A', lastName: 'B' }, { email: 'A@x.example', firstName: 'A', lastName: 'B' }] }, '/admins/1/email', '"A@x.example" is listed twice'],
  ])('refuses %s, naming the field and the reason', (_case, overrides, field, message) => {
    const { manifests, problems } = validator.validate([source(sampleManifest('alpha', overrides))]);
    expect(manifests).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'tenants/alpha.yaml', field, message: expect.stringContaining(message) }));
  });

  it('refuses a slug that is not lower-case words joined by hyphens', () => {
    const { problems } = validator.validate([source(sampleManifest('Alpha Homes'), 'tenants/alpha-homes.yaml')]);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: '/slug', message: 'must be lower-case letters and digits in words joined by hyphens, e.g. aber-housing (got "Alpha Homes")' }),
    );
  });

  it('refuses a file whose name is not its slug', () => {
    const { problems } = validator.validate([source(sampleManifest('alpha'), 'tenants/alpha-homes.yaml')]);
    expect(problems).toEqual([
      expect.objectContaining({ field: '/slug', message: '"alpha" does not match the file name: rename alpha-homes.yaml to alpha.yaml, or change the slug' }),
    ]);
  });

  it('refuses a slug or an organization used by two files, and applies neither', () => {
    const { manifests, problems } = validator.validate([
      source(sampleManifest('alpha')),
      source(sampleManifest('alpha'), 'tenants/beta.yaml'),
      source(sampleManifest('gamma', { keycloak: { organization: 'alpha' } })),
    ]);
    expect(manifests).toEqual([]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'tenants/beta.yaml', field: '/slug', message: '"alpha" is also the slug in tenants/alpha.yaml' }),
        expect.objectContaining({ file: 'tenants/gamma.yaml', field: '/keycloak/organization', message: '"alpha" is also the organization in tenants/alpha.yaml' }),
      ]),
    );
  });

  it('reports module problems alongside schema problems, so one run lists them all', () => {
    const { problems } = validator.validate([source(sampleManifest('alpha', { country: 'france', modules: { 'sample-rent': {} } }))]);
    expect(problems.map((p) => p.field)).toEqual(['/country', '/modules/sample-rent']);
  });

  it('points each problem at its line in the file', () => {
    const text = ['slug: alpha', 'name: Alpha', 'registrationNumber: L1', 'country: atlantis', 'languages: [en]', 'keycloak: { organization: alpha }', 'admins: [{ email: a@alpha.example, firstName: A, lastName: B }]'].join('\n');
    const parsed = parseManifest(text, 'tenants/alpha.yaml') as ManifestSource;
    const [problem] = validator.validate([parsed]).problems;
    expect(formatProblem(problem)).toBe('tenants/alpha.yaml:4:10: /country: must be one of england, wales, scotland, northern_ireland (got "atlantis")');
  });
});

describe('parseManifest', () => {
  it('reports malformed YAML with its line and column', () => {
    const parsed = parseManifest('slug: alpha\nname: Alpha\n  country: wales\n', 'tenants/alpha.yaml');
    expect('problems' in parsed && parsed.problems[0]).toEqual({
      file: 'tenants/alpha.yaml',
      line: 2,
      column: 7,
      field: '',
      message: expect.stringMatching(/^malformed YAML: /),
    });
  });

  it('refuses a key written twice', () => {
    const parsed = parseManifest('slug: alpha\nslug: beta\n', 'tenants/alpha.yaml');
    expect('problems' in parsed && parsed.problems.map(formatProblem)).toEqual(['tenants/alpha.yaml:2:1: malformed YAML: Map keys must be unique']);
  });
});
