import { prepareTemplate } from '@hearth/platform-testing';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';

// Builds (or reuses) the migrated template database that every integration test file clones.
prepareTemplate(new ModuleRegistry(INSTALLED_MODULES).schemaParts()).catch((error) => {
  console.error('Could not prepare the test template database:', error);
  process.exit(1);
});
