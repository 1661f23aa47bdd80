#!/usr/bin/env node
// Scaffolds one workspace package: package.json, tsconfig.json, project.json, src/index.ts.
// usage: node tools/new-package.mjs <dir> <@tributary/name> <nx tags, comma-separated> [dep-dir ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const [dir, name, tags, ...deps] = process.argv.slice(2);
if (!dir || !name || !tags) {
  console.error('usage: node tools/new-package.mjs <dir> <@tributary/name> <tags> [dep-dir ...]');
  process.exit(2);
}
mkdirSync(join(dir, 'src'), { recursive: true });
const write = (file, content) => {
  const path = join(dir, file);
  if (!existsSync(path)) writeFileSync(path, content);
};
write('package.json', JSON.stringify({
  name, version: '0.1.0', private: true, type: 'module',
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
}, null, 2) + '\n');
write('tsconfig.json', JSON.stringify({
  extends: relative(dir, 'tsconfig.base.json'),
  compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' },
  include: ['src/**/*.ts'],
  references: deps.map((d) => ({ path: relative(dir, d) })),
}, null, 2) + '\n');
write('project.json', JSON.stringify({
  name: name.replace('@tributary/', ''),
  $schema: relative(dir, 'node_modules/nx/schemas/project-schema.json'),
  sourceRoot: `${dir}/src`,
  projectType: dir.startsWith('apps/') ? 'application' : 'library',
  tags: tags.split(','),
  targets: {
    build: { command: 'tsc -b {projectRoot}', dependsOn: ['^build'], cache: true, inputs: ['default', '^default'], outputs: ['{projectRoot}/dist'] },
    test: { command: "node --test --test-force-exit '{projectRoot}/dist/**/*.spec.js'", dependsOn: ['build'] },
  },
}, null, 2) + '\n');
write('src/index.ts', 'export {};\n');
