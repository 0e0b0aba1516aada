export default {
  displayName: 'console-spaces',
  preset: '../jest.preset.js',
};
