export default {
  displayName: 'integrations-partner-clients',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  // @keycloak/keycloak-admin-client and its dependencies are published only as ES modules, which
  // jest (unlike Node 20.19+) cannot require; let the preset's transform compile them to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(@keycloak/keycloak-admin-client|@microsoft/kiota-[a-z-]+|camelize-ts|url-template)/)'],
};
