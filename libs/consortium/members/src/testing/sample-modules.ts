import { HearthModule } from '@hearth/platform-kernel';
import { MembersModule } from '../members.module';

// Modules for the onboarding tests: a pair where one needs the other, each with settings and
// defaults. The real modules live in other scopes, which this library may not import.

@HearthModule({
  key: 'sample-assets',
  name: 'Sample assets',
  description: 'A module other modules depend on.',
  version: '1.0.0',
  settings: {
    type: 'object',
    additionalProperties: false,
    properties: { uprnRequired: { type: 'boolean', default: true } },
  },
})
export class SampleAssetsModule {}

@HearthModule({
  key: 'sample-repairs',
  name: 'Sample repairs',
  description: 'A module that needs sample-assets.',
  version: '1.0.0',
  dependsOn: ['sample-assets'],
  settings: {
    type: 'object',
    additionalProperties: false,
    properties: { emergencyHours: { type: 'integer', minimum: 1, maximum: 24, default: 24 } },
  },
})
export class SampleRepairsModule {}

export const SAMPLE_MODULES = [MembersModule, SampleAssetsModule, SampleRepairsModule];

/** A valid manifest for `slug`, to vary one field at a time. */
export function sampleManifest(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug,
    name: `${slug} Housing`,
    registrationNumber: 'L1234',
    country: 'england',
    languages: ['en'],
    keycloak: { organization: slug, domains: [`${slug}.example`] },
    modules: { 'sample-assets': {}, 'sample-repairs': { settings: { emergencyHours: 4 } } },
    admins: [{ email: `admin@${slug}.example`, firstName: 'Alex', lastName: 'Admin' }],
    ...overrides,
  };
}
