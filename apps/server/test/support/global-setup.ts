import { setupTestTemplate } from '@mailyard/db/testing';

export default async function setup() {
  return setupTestTemplate();
}
