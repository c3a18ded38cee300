import { isDomainError } from '@mailyard/core/errors';
import { TagOrganizationInput, UntagOrganizationInput, type Tag } from '@mailyard/core/organizations';
import { listTags } from '../../services/organizations/list-tags.ts';
import { tagOrganization } from '../../services/organizations/tag.ts';
import { untagOrganization } from '../../services/organizations/untag.ts';
import { organizationIdOfArn } from '../arn.ts';
import { list, structure, text } from '../model.ts';
import { operation, type AwsContext } from '../operation.ts';
import { AwsError } from '../protocol.ts';
import { parseCore } from '../validation.ts';

const AmazonResourceName = () => text({ min: 1, max: 1011, pattern: 'arn:aws:workmail:[a-z0-9-]*:[a-z0-9-]+:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}' });
const TagKey = () => text({ min: 1, max: 128 });
const TagValue = () => text({ min: 0, max: 256 });

/**
 * Runs `run` on the organization the ARN names. An ARN that names no organization of the caller's — another
 * account's, another region's, an unknown one — is ResourceNotFoundException, as WorkMail answers it.
 */
async function onOrganization<T>(ctx: AwsContext, arn: string, run: (organizationId: string) => Promise<T>): Promise<T> {
  const notFound = () => new AwsError('ResourceNotFoundException', `The resource ${arn} cannot be found.`);
  const organizationId = organizationIdOfArn(ctx, arn);
  if (!organizationId) throw notFound();
  try {
    return await run(organizationId);
  } catch (error) {
    throw isDomainError(error) && error.code === 'ORGANIZATION.NOT_FOUND' ? notFound() : error;
  }
}

const workMailTag = (t: Tag) => ({ Key: t.key, Value: t.value });

/** Keys it already has take the new values; more than 50 tags in all is TooManyTagsException. */
export const TagResource = operation(
  structure({ ResourceARN: AmazonResourceName(), Tags: list(structure({ Key: TagKey(), Value: TagValue() }), { min: 0, max: 50 }) }),
  (ctx, input) =>
    onOrganization(ctx, input.ResourceARN, async (organizationId) => {
      const tags = input.Tags.map((t) => ({ key: t.Key, value: t.Value }));
      await tagOrganization(ctx.deps, ctx.actor, parseCore(TagOrganizationInput, { organizationId, tags }));
      return {};
    }),
);

/** Keys the organization does not have are no error. */
export const UntagResource = operation(
  structure({ ResourceARN: AmazonResourceName(), TagKeys: list(TagKey(), { min: 0, max: 50 }) }),
  (ctx, input) =>
    onOrganization(ctx, input.ResourceARN, async (organizationId) => {
      await untagOrganization(ctx.deps, ctx.actor, parseCore(UntagOrganizationInput, { organizationId, keys: input.TagKeys }, { keys: 'TagKeys' }));
      return {};
    }),
);

export const ListTagsForResource = operation(structure({ ResourceARN: AmazonResourceName() }), (ctx, input) =>
  onOrganization(ctx, input.ResourceARN, async (organizationId) => ({ Tags: (await listTags(ctx.deps.db, ctx.actor, organizationId)).map(workMailTag) })),
);
