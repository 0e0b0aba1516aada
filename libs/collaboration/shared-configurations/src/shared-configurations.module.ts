import { HearthModule } from '@hearth/platform-kernel';
import { ConfigurationAdoptionResolver } from './configuration-adoption.resolver';
import { ConfigurationAdoptionService } from './configuration-adoption.service';
import { ConfigurationKinds } from './kinds/configuration-kinds';
import { SharedConfigurations1764320000000 } from './migrations/1764320000000-shared-configurations';
import { RegisterProbe } from './privacy/register-probe';
import { ConfigurationKindResolver, SharedConfigurationResolver } from './shared-configuration.resolver';
import { SharedConfigurationService } from './shared-configuration.service';
import { sharedConfigurationsEvents, sharedConfigurationsPermissions } from './shared-configurations.permissions';

/**
 * The shared configuration library: a member publishes a piece of its configuration (repairs
 * priorities, a SOR set, a letter template, an arrears stage plan) for every member to read;
 * another copies it into its own settings, adapted or not, and remembers where it came from.
 * Members only: guests see none of it, by the table's policies. Not core: a member switches it on.
 * The kinds and the register probes are the owning modules' (`configurationKinds` and
 * `privateDataProbes` in their @HearthModule), collected from the module registry (ADR 17).
 */
@HearthModule({
  key: 'shared-configurations',
  name: 'Shared configurations',
  description: 'A library where members publish pieces of their configuration (repairs priorities, SOR sets, letter templates, arrears stage plans) for others to copy and adapt.',
  version: '1.0.0',
  migrations: [SharedConfigurations1764320000000],
  providers: [RegisterProbe, ConfigurationKinds, SharedConfigurationService, ConfigurationAdoptionService],
  resolvers: [SharedConfigurationResolver, ConfigurationKindResolver, ConfigurationAdoptionResolver],
  permissions: sharedConfigurationsPermissions,
  events: { emits: sharedConfigurationsEvents },
  console: {
    routes: [
      {
        path: 'shared-configurations',
        title: { en: 'Shared configurations', cy: 'Ffurfweddiadau a rennir' },
        roles: sharedConfigurationsPermissions.read.roles,
      },
      {
        path: 'shared-configurations/copied',
        title: { en: 'Copied configurations', cy: "Ffurfweddiadau a gopïwyd" },
        roles: sharedConfigurationsPermissions.read.roles,
      },
    ],
  },
})
export class SharedConfigurationsModule {}
