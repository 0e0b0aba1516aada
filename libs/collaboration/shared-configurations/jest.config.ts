export default {
  displayName: 'collaboration-shared-configurations',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
