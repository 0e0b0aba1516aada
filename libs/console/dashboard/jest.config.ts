export default {
  displayName: 'console-dashboard',
  preset: '../jest.preset.js',
};
