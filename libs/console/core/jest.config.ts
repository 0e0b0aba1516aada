export default {
  displayName: 'console-core',
  preset: '../jest.preset.js',
};
