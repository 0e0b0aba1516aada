import type { ShareableConfigurationKind } from '@hearth/platform-kernel';

/**
 * The kinds of configuration are declared by the modules that own them, through the platform's
 * shareable configuration SDK (`configurationKinds` in @HearthModule; see
 * libs/platform/kernel/src/shareable-configuration.ts); the library collects them
 * (configuration-kinds.ts). These are the SDK's types under the names the library uses.
 */
export type {
  ConfigurationContent, ConfigurationItem, ConfigurationProblem, ConfigurationWarning, Extracted,
} from '@hearth/platform-kernel';

/** One kind of configuration a member can publish and others can copy, as its owning module declares it. */
export type ConfigurationKindHandler = ShareableConfigurationKind;
