export default {
  displayName: 'console-shared-configurations',
  preset: '../jest.preset.js',
};
