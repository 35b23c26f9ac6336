// `npm start`: builds the web app when its sources are newer than the build, then serves API + web
// on one port (default http://127.0.0.1:3000) with the embedded database in ./data.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const built = 'apps/web/dist/index.html';
const sources = Math.max(newest('apps/web'), newest('packages/contracts'));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the web app…');
  const res = spawnSync('npm', ['run', '-s', 'build', '-w', '@wangge/web'], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

// A young generation of up to 64 MB a half: the requests in flight are collected young instead of
// being promoted and marked later (docs/CONFIG.md, "The server's Node.js").
const node = ['--max-semi-space-size=64'];
const server = spawn(process.execPath, [...node, 'apps/server/bin/wangge.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
