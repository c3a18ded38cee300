/**
 * The suffix of Quick setup's free test domain, for the preview on the create page. The server's
 * MAILYARD_TEST_DOMAIN_SUFFIX decides the real domain; this is its default until the API exposes it.
 */
export const TEST_DOMAIN_SUFFIX = 'mailyard.test';
