import { createServer, type Server } from 'node:http';
import type { Readiness } from '@hearth/platform-jobs';

/**
 * The worker serves no API, but orchestrators still need to know it is alive and can reach
 * PostgreSQL and Redis: the same /health/live and /health/ready as the API, on its own port.
 */
export function serveHealth(readiness: Readiness, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/health/live') {
      res.end(JSON.stringify({ status: 'ok' }));
    } else if (req.url === '/health/ready') {
      const report = await readiness.check();
      res.statusCode = report.status === 'ok' ? 200 : 503;
      res.end(JSON.stringify(report));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ status: 'not found' }));
    }
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
