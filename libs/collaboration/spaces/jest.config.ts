export default {
  displayName: 'collaboration-spaces',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
