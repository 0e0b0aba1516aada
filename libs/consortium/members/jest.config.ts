export default {
  displayName: 'consortium-members',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
