export default {
  displayName: 'console-rent',
  preset: '../jest.preset.js',
};
