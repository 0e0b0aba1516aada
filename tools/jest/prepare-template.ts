import { prepareTemplate } from '@hearth/platform-testing';

// Builds (or reuses) the migrated template database that every integration test file clones.
prepareTemplate().catch((error) => {
  console.error('Could not prepare the test template database:', error);
  process.exit(1);
});
