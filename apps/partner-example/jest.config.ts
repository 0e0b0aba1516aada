export default {
  displayName: 'partner-example',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
