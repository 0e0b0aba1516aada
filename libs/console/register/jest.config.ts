export default {
  displayName: 'console-register',
  preset: '../jest.preset.js',
};
