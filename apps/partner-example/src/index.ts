/**
 * The worked example of docs/partners/contractor-example.md lives beside that page, as plain
 * dependency-free Node (docs/partners/examples/contractor/). This project only gives it a home in
 * the workspace, so its tests run with everyone else's against the real API.
 */
// The example is plain files beside its page, not a project: nothing to import it by but its path.
/* eslint-disable @nx/enforce-module-boundaries */
export { sign, verifyWebhook, WebhookVerificationError, TOLERANCE_SECONDS } from '../../../docs/partners/examples/contractor/verify.mjs';
export { createHearthClient, HearthApiError } from '../../../docs/partners/examples/contractor/hearth-client.mjs';
export { createReceiver } from '../../../docs/partners/examples/contractor/receiver.mjs';
