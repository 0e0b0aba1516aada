export default {
  displayName: 'platform-kernel',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
