// The typed client every script uses, by path: a workspace dependency on @mailyard/client would be a cycle (it
// takes the server's router type from here).
export { createMailyardClient, mailyardError, type MailyardClient } from '../../../../../../packages/client/src/index.ts';
