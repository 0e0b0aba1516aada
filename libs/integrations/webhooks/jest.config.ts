export default {
  displayName: 'integrations-webhooks',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
