// The Node yardstick for bench/startup.sh's HTTPS mode when no Node Confluence CLI is at hand: one
// process, one `https` GET with a bearer token, the body printed. Node adds NODE_EXTRA_CA_CERTS to
// its bundled roots at start-up, as a Node CLI would see a private CA.
//   node bench/https_get.js https://127.0.0.1:PORT/rest/api/space   (token in CONFLUENCE_PAT)
'use strict';
const https = require('https');
const url = process.argv[2];
https
  .get(url, { headers: { Authorization: 'Bearer ' + (process.env.CONFLUENCE_PAT || '') } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => {
      if (res.statusCode !== 200) {
        console.error('HTTP ' + res.statusCode);
        process.exit(1);
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      for (const s of body.results || []) console.log(s.key + '\t' + s.name);
    });
  })
  .on('error', (e) => {
    console.error(e.message);
    process.exit(1);
  });
