// What the Maven build runs (web/pom.xml): `node scripts/maven.mjs install` and `node scripts/maven.mjs build`.
// Each step runs only when its inputs changed since it last succeeded, so a second `mvn verify` or
// `mvn -Pstack package` spends no minute on an unchanged client:
// - install: `npm ci` when package-lock.json differs from the one node_modules was installed from;
// - build: `npm run build` when a source, the lock file or a build setting differs from what made dist/.
// The fingerprints live in node_modules/ and target/, so `mvn clean` (or deleting node_modules) starts afresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const npm = process.env.NPM ?? 'npm';

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function fingerprint(paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => files(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function step(name, stamp, inputs, ready, args) {
  const now = fingerprint(inputs);
  if (ready() && existsSync(stamp) && readFileSync(stamp, 'utf8') === now) {
    console.log(`web: ${name} is up to date (inputs unchanged), skipped`);
    return;
  }
  const run = spawnSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) {
    process.exit(run.status ?? 1);
  }
  mkdirSync(join(stamp, '..'), { recursive: true });
  writeFileSync(stamp, now);
}

const what = process.argv[2];
if (what === 'install') {
  step('npm ci', join(root, 'node_modules/.outward-installed'), ['package-lock.json'],
    () => existsSync(join(root, 'node_modules/.package-lock.json')), ['ci', '--prefer-offline']);
} else if (what === 'build') {
  step('npm run build', join(root, 'target/web-build.sha256'),
    ['package-lock.json', 'index.html', 'public', 'src', 'scripts/compress.mjs', 'tsconfig.json', 'vite.config.ts'],
    () => existsSync(join(root, 'dist/index.html')), ['run', 'build']);
} else {
  console.error('usage: node scripts/maven.mjs install|build');
  process.exit(2);
}
