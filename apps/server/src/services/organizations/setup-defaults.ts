import type { Deps } from '../../deps.ts';

export interface SetupDefaults {
  /** Quick setup's free test domain is `<alias>.<testDomainSuffix>` (MAILYARD_TEST_DOMAIN_SUFFIX). */
  testDomainSuffix: string;
}

/** What the create-organization form previews before anything is created: the installation's settings. */
export function setupDefaults(deps: Pick<Deps, 'config'>): SetupDefaults {
  return { testDomainSuffix: deps.config.MAILYARD_TEST_DOMAIN_SUFFIX };
}
