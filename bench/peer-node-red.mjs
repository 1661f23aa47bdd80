// The peer side by side: the same flow (signed webhook in → transform → POST to the Intacct
// simulator) in Node-RED, installed under bench/peers/node-red (never into the repository's node_modules).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, root, SIM, startProcess, WEBHOOK_SECRET } from './lib.mjs';

const peerDir = join(root, 'bench/peers/node-red');
const redJs = join(peerDir, 'node_modules/node-red/red.js');

export const installNodeRed = () => {
  if (existsSync(redJs)) return;
  console.log('bench: installing Node-RED under bench/peers/node-red (once)…');
  execFileSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'], { stdio: 'inherit' });
};

export const startNodeRed = async (sim) => {
  installNodeRed();
  const userDir = mkdtempSync(join(os.tmpdir(), 'bench-node-red-'));
  cpSync(join(peerDir, 'flow.json'), join(userDir, 'flow.json'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/webhooks/clarity`;
  const proc = await startProcess('node-red', redJs, {
    NODE_RED_PORT: String(port), WEBHOOK_SECRET, INTACCT_URL: sim.url, INTACCT_SENDER_ID: SIM.senderId, INTACCT_SENDER_PASSWORD: SIM.senderPassword,
    INTACCT_COMPANY_ID: SIM.companyId, INTACCT_USER_ID: SIM.userId, INTACCT_USER_PASSWORD: SIM.password,
  }, { args: ['--settings', join(peerDir, 'settings.cjs'), '--userDir', userDir, 'flow.json'], ready: async () => (await fetch(url, { method: 'POST', body: '{}' })).status === 401, timeoutMs: 90_000 });
  const version = JSON.parse((await import('node:fs')).readFileSync(join(peerDir, 'node_modules/node-red/package.json'), 'utf8')).version;
  return { ...proc, url, version };
};
