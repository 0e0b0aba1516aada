export default {
  displayName: 'housing-rent',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
