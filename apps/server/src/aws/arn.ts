import type { AwsContext } from './operation.ts';

/** An organization's ARN, as DescribeOrganization reports it and the tag operations take it. */
export const organizationArn = (ctx: AwsContext, organizationId: string) =>
  `arn:aws:workmail:${ctx.deps.config.MAILYARD_REGION}:${ctx.awsAccountId}:organization/${organizationId}`;

/** The organization an ARN names, or `null` when it names none of this account and region (another resource type included). */
export function organizationIdOfArn(ctx: AwsContext, arn: string): string | null {
  const match = /^arn:aws:workmail:([a-z0-9-]*):(\d{12}):organization\/(m-[0-9a-f]{32})$/.exec(arn);
  return match && match[1] === ctx.deps.config.MAILYARD_REGION && match[2] === ctx.awsAccountId ? match[3]! : null;
}
