export default {
  displayName: 'housing-repairs',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
