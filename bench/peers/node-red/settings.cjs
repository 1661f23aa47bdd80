// Node-RED settings for the bench peer (bench/peer-node-red.mjs starts it with this file).
// The raw body is kept for the signature check, the editor is off, logs are warnings only.
const crypto = require('node:crypto');

module.exports = {
  uiHost: '127.0.0.1',
  uiPort: Number(process.env.NODE_RED_PORT || 1880),
  flowFile: 'flow.json',
  credentialSecret: false,
  disableEditor: true,
  httpAdminRoot: false,
  functionGlobalContext: { crypto },
  // The signature is over the exact bytes: read them before Node-RED's body parsers (which skip a read body).
  httpNodeMiddleware: (req, _res, next) => {
    if (req.method !== 'POST') return next();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      req.rawBody = Buffer.concat(chunks);
      try { req.body = JSON.parse(req.rawBody.toString('utf8')); } catch { req.body = null; }
      req._body = true;
      next();
    });
  },
  logging: { console: { level: 'warn', metrics: false, audit: false } },
  editorTheme: { tours: false },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
};
