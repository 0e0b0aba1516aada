export default {
  displayName: 'console-repairs',
  preset: '../jest.preset.js',
};
