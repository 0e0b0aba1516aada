export default {
  displayName: 'platform-calendar',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
