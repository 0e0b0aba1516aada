export default {
  displayName: 'housing-tenancies',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
