export default {
  displayName: 'housing-noticeboard',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
