/**
 * Type tests, run by `tsc` (the package's `typecheck` script), never executed. Each `@ts-expect-error` marks
 * a call the compiler must refuse: if typing were lost (the router became `any`, an input stopped being
 * checked), the directive would be unused and typecheck would fail.
 */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createMailyardClient, isMailyardError, mailyardError, type AppRouter, type MailyardClient } from '../src/index.ts';

const client: MailyardClient = createMailyardClient({ url: 'http://127.0.0.1:3000/trpc', token: 'myd_example' });
const organizationId = 'm-00000000000000000000000000000000';

export async function rightCalls() {
  const page = await client.organizations.list.query({ limit: 10 });
  const aliases: string[] = page.items.map((o) => o.alias);
  const next: string | null = page.nextCursor;
  const org = await client.organizations.get.query({ organizationId });
  const created: Date = org.createdAt; // superjson: dates arrive as Date, and the types say so
  const { organizationId: newId } = await client.organizations.create.mutate({ alias: 'example' });
  return { aliases, next, created, newId };
}

export async function wrongProcedureNames() {
  // @ts-expect-error no such procedure
  await client.organizations.remove.mutate({ organizationId });
  // @ts-expect-error no such router
  await client.organisations.list.query({});
  // @ts-expect-error a mutation is not a query
  await client.organizations.create.query({ alias: 'example' });
}

export async function wrongInputs() {
  // @ts-expect-error misspelt field
  await client.organizations.get.query({ orgId: organizationId });
  // @ts-expect-error wrong field type
  await client.organizations.list.query({ limit: '10' });
  // @ts-expect-error required field missing
  await client.organizations.create.mutate({});
  // @ts-expect-error not one of the enum's values
  await client.apiTokens.create.mutate({ name: 'ci', access: 'admin' });
  // @ts-expect-error bulk procedures take a list of ids
  await client.users.disable.mutate({ organizationId, userId: '0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c' });
}

export async function wrongOutputUse() {
  const org = await client.organizations.get.query({ organizationId });
  // @ts-expect-error no such field on the output
  void org.name;
  // @ts-expect-error the state is a string union, not a number
  const state: number = org.state;
  const page = await client.apiTokens.list.query({});
  // @ts-expect-error the secret is never listed, only returned once by create
  void page.items[0]?.token;
  return state;
}

export function errorCodes(error: unknown) {
  if (isMailyardError(error, 'USER.NAME_TAKEN')) return mailyardError(error)?.fieldErrors;
  // @ts-expect-error misspelt domain code
  return isMailyardError(error, 'USER.NAME_TAKN');
}

/**
 * Every input and output of every procedure keeps its type through the built declaration: a read model the
 * declaration cannot name (a type left in the server or db, which the apps cannot resolve) would turn into `any`
 * silently. Lists the paths that did; `'none'` when all is typed.
 */
// Not `0 extends 1 & T`: a type the compiler could not resolve makes that conditional itself `any`.
type IsAny<T> = boolean extends (T extends never ? true : false) ? true : false;
type AnyPaths<T, Path extends string = ''> =
  IsAny<T> extends true
    ? Path
    : T extends Date | string | number | boolean | bigint | null | undefined
      ? never
      : T extends readonly (infer Item)[]
        ? AnyPaths<Item, `${Path}[]`>
        : T extends object
          ? { [K in keyof T & string]-?: AnyPaths<T[K], `${Path}.${K}`> }[keyof T & string]
          : never;
type Lost<T> = [AnyPaths<T>] extends [never] ? 'none' : AnyPaths<T>;
export const untypedOutputs: Lost<inferRouterOutputs<AppRouter>> = 'none';
export const untypedInputs: Lost<inferRouterInputs<AppRouter>> = 'none';
