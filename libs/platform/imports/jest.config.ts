export default {
  displayName: 'platform-imports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
