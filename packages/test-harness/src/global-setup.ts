// vitest `globalSetup` of the apps' browser tests: the template database each test database is copied from.
export { default } from '@mailyard/server/testing/global-setup';
