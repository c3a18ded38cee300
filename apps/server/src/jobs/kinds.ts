/** Job kinds, named once: services enqueue them, the registry maps them to handlers. */
export const PROVISION_ORGANIZATION = 'organization.provision';
