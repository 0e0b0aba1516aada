/**
 * Writes the cost of every query and mutation into docs/partners/limits.md, from the same cost
 * rules the API's cost limit applies. `npm run schema` runs it after writing schema.graphql.
 * libs/distribution/src/operation-costs.spec.ts fails while the committed table is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { LIMITS_DOC, limitsDocument } from '../../libs/distribution/src/operation-costs';

limitsDocument()
  .then((document) => {
    writeFileSync(LIMITS_DOC, document);
    console.log(`✔ wrote the operation costs into ${LIMITS_DOC}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
