export default {
  displayName: 'platform-core',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
