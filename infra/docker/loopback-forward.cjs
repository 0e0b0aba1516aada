'use strict';
/**
 * Local compose only: makes `localhost:<port>` inside an app container reach another container.
 *
 * Why: Keycloak issues tokens with `iss = http://localhost:8080/realms/hearth`, the URL the browser uses.
 * keycloak-connect accepts a token only when `iss` equals `${KEYCLOAK_URL}/realms/${KEYCLOAK_REALM}` and
 * fetches the signing keys from that same URL, so the API needs KEYCLOAK_URL=http://localhost:8080 too;
 * but inside a container `localhost` is the container itself. docker-compose.yml preloads this file
 * (NODE_OPTIONS=--require ...) with HEARTH_LOOPBACK_FORWARD=8080=keycloak:8080, and it forwards
 * 127.0.0.1:8080 (and [::1]:8080) to keycloak:8080 from inside the app's own process. Production images
 * never load it: there KEYCLOAK_URL is Keycloak's real public https URL, reachable from everywhere.
 *
 * Format: HEARTH_LOOPBACK_FORWARD="<local port>=<host>:<port>[,<local port>=<host>:<port>...]".
 */
const net = require('node:net');

const spec = (process.env.HEARTH_LOOPBACK_FORWARD || '').trim();

if (spec) {
  if ((process.env.HEARTH_ENV || '') === 'production') {
    throw new Error(
      'HEARTH_LOOPBACK_FORWARD is a local docker-compose aid and refuses to run with HEARTH_ENV=production: ' +
        'point KEYCLOAK_URL at an address the container can reach instead.',
    );
  }
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^(\d{1,5})=([A-Za-z0-9.-]+):(\d{1,5})$/.exec(entry);
    if (!match) {
      throw new Error(`HEARTH_LOOPBACK_FORWARD entry "${entry}" is not <local port>=<host>:<port>, e.g. 8080=keycloak:8080`);
    }
    forward(Number(match[1]), match[2], Number(match[3]));
  }
}

function forward(localPort, targetHost, targetPort) {
  for (const address of ['127.0.0.1', '::1']) {
    const server = net.createServer((client) => {
      const upstream = net.connect({ host: targetHost, port: targetPort });
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
      client.pipe(upstream).pipe(client);
    });
    server.on('error', (error) => {
      // EADDRINUSE: another process in this container (e.g. a child node process) already forwards it.
      // EADDRNOTAVAIL / EAFNOSUPPORT: the container has no IPv6 loopback.
      if (!['EADDRINUSE', 'EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(error.code)) {
        console.error(`hearth loopback forward ${address}:${localPort} -> ${targetHost}:${targetPort} failed: ${error.message}`);
      }
    });
    // unref: the forward never keeps a process alive on its own (the CLI must still exit when done).
    server.listen({ host: address, port: localPort, ipv6Only: address === '::1' }, () => server.unref());
  }
}
