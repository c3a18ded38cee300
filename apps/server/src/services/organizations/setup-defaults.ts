import type { SetupDefaults } from '@mailyard/core/organizations';
import type { Deps } from '../../deps.ts';

/** The installation's settings the console shows, from its config. */
export function setupDefaults(deps: Pick<Deps, 'config'>): SetupDefaults {
  return { testDomainSuffix: deps.config.MAILYARD_TEST_DOMAIN_SUFFIX, region: deps.config.MAILYARD_REGION };
}
