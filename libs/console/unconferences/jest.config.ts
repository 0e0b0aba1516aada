export default {
  displayName: 'console-unconferences',
  preset: '../jest.preset.js',
};
