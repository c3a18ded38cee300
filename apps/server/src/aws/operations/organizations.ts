import { CreateOrganizationInput, DeleteOrganizationInput, type OrganizationSummary } from '@mailyard/core/organizations';
import { createOrganization } from '../../services/organizations/create.ts';
import { deleteOrganization } from '../../services/organizations/delete.ts';
import { getOrganization } from '../../services/organizations/get.ts';
import { listOrganizations } from '../../services/organizations/list.ts';
import { organizationArn } from '../arn.ts';
import { operation, unsupportedMember } from '../operation.ts';
import { compact, epochSeconds } from '../protocol.ts';
import { TokenScope } from '../pagination.ts';
import {
  boolean,
  DirectoryId,
  DomainName,
  IdempotencyClientToken,
  KmsKeyArn,
  list,
  OrganizationId,
  OrganizationName,
  page,
  structure,
  text,
} from '../model.ts';
import { parseCore } from '../validation.ts';

export const CreateOrganization = operation(
  structure({
    DirectoryId: DirectoryId().optional(),
    Alias: OrganizationName(),
    ClientToken: IdempotencyClientToken().optional(),
    Domains: list(structure({ DomainName: DomainName(), HostedZoneId: text({ min: 1, max: 32, pattern: '[^/\\\\]*' }).optional() }), {
      min: 0,
      max: 5,
    }).optional(),
    KmsKeyArn: KmsKeyArn().optional(),
    EnableInteroperability: boolean().optional(),
  }),
  async ({ deps, actor }, input) => {
    if (input.EnableInteroperability) unsupportedMember('EnableInteroperability', 'Exchange interoperability needs an AD Connector directory, which Mailyard does not connect.');
    if (input.KmsKeyArn !== undefined) unsupportedMember('KmsKeyArn', "Mailyard seals each organization's secrets with its managed key; AWS KMS keys cannot be used.");
    if (input.Domains?.some((d) => d.HostedZoneId !== undefined)) {
      unsupportedMember('Domains.HostedZoneId', 'Mailyard does not manage Route 53 zones: publish the records GetMailDomain lists in your DNS.');
    }
    const core = parseCore(
      CreateOrganizationInput,
      { alias: input.Alias, clientToken: input.ClientToken, domains: input.Domains?.map((d) => d.DomainName), directoryId: input.DirectoryId },
      { domains: 'Domains', directoryId: 'DirectoryId' },
    );
    const { organizationId } = await createOrganization(deps, actor, core);
    return { OrganizationId: organizationId };
  },
);

export const DescribeOrganization = operation(structure({ OrganizationId: OrganizationId() }), async (ctx, input) => {
  const org = await getOrganization(ctx.deps.db, ctx.actor, input.OrganizationId);
  return compact({
    OrganizationId: org.id,
    Alias: org.alias,
    State: org.state,
    DirectoryId: org.directoryId,
    DirectoryType: org.directoryType,
    DefaultMailDomain: org.defaultMailDomain,
    CompletedDate: epochSeconds(org.completedAt),
    ErrorMessage: org.errorMessage,
    ARN: organizationArn(ctx, org.id),
    InteroperabilityEnabled: org.interoperabilityEnabled,
  });
});

const organizationSummary = (o: OrganizationSummary) =>
  compact({ OrganizationId: o.id, Alias: o.alias, DefaultMailDomain: o.defaultMailDomain, ErrorMessage: o.errorMessage, State: o.state });

/** Deleted organizations stay listed, as in WorkMail (terraform filters them out itself). */
export const ListOrganizations = operation(structure({ ...page }), async ({ deps, actor }, input) => {
  const tokens = new TokenScope('ListOrganizations', {});
  const result = await listOrganizations(deps.db, actor, { ...tokens.page(input), includeDeleted: true });
  return compact({ OrganizationSummaries: result.items.map(organizationSummary), NextToken: tokens.token(result.nextCursor) });
});

/**
 * DeleteDirectory is required by the model; the built-in directory goes with the organization either way.
 * ClientToken needs no record: asking again while the deletion is underway answers the same state.
 */
export const DeleteOrganization = operation(
  structure({
    ClientToken: IdempotencyClientToken().optional(),
    OrganizationId: OrganizationId(),
    DeleteDirectory: boolean(),
    ForceDelete: boolean().optional(),
    DeleteIdentityCenterApplication: boolean().optional(),
  }),
  async ({ deps, actor }, input) => {
    const core = parseCore(DeleteOrganizationInput, { organizationId: input.OrganizationId, forceDelete: input.ForceDelete ?? false });
    const result = await deleteOrganization(deps, actor, core);
    return { OrganizationId: result.organizationId, State: result.state };
  },
);
