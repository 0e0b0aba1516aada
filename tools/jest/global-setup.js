const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

// Jest runs globalSetup under its own TypeScript hook, which does not map the tsconfig path
// aliases; a child process under @swc-node/register (the loader `npm run hearth` uses) does.
module.exports = async function globalSetup() {
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'prepare-template.ts')], {
    cwd: join(__dirname, '../..'),
    stdio: 'inherit',
  });
};
