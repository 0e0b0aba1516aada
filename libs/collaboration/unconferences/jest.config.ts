export default {
  displayName: 'collaboration-unconferences',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
