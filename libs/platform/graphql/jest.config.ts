export default {
  displayName: 'platform-graphql',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
