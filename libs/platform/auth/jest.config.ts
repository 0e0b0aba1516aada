export default {
  displayName: 'platform-auth',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
