export default {
  displayName: 'demo-issuer',
  preset: '../../jest.preset.js',
  rootDir: '.',
  // oidc-provider and jose ship only ES modules; let the preset's swc transform turn them into CommonJS too.
  transformIgnorePatterns: ['/node_modules/(?!(oidc-provider|jose)/)'],
};
