export default {
  displayName: 'platform-jobs',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
