export default {
  displayName: 'housing-assets',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
