export default {
  displayName: 'platform-testing',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
