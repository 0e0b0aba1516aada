export default {
  displayName: 'console-admin',
  preset: '../jest.preset.js',
};
