export default {
  displayName: 'platform-database',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
