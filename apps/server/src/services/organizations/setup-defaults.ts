import type { Deps } from '../../deps.ts';

export interface SetupDefaults {
  /** Quick setup's free test domain is `<alias>.<testDomainSuffix>` (MAILYARD_TEST_DOMAIN_SUFFIX). */
  testDomainSuffix: string;
  /** The region SigV4 requests to `/aws` must be signed for (MAILYARD_REGION), for the console's CLI examples. */
  region: string;
}

/** Installation settings the console shows before anything is created (previews and examples); no secrets. */
export function setupDefaults(deps: Pick<Deps, 'config'>): SetupDefaults {
  return { testDomainSuffix: deps.config.MAILYARD_TEST_DOMAIN_SUFFIX, region: deps.config.MAILYARD_REGION };
}
