import { AddAliasInput, RemoveAliasInput, SetPrimaryAddressInput } from '@mailyard/core/addresses';
import type { MemberType } from '@mailyard/core/entities';
import { addAlias } from '../services/addresses/add-alias.ts';
import { removeAlias } from '../services/addresses/remove-alias.ts';
import { setPrimaryAddress } from '../services/addresses/set-primary.ts';
import { operatorMutation } from '../trpc/init.ts';

/** The address changes of `users` and `groups`: the same procedures, each reaching only its router's entities. */
export const addressChanges = (kinds: readonly MemberType[]) => ({
  addAlias: operatorMutation.input(AddAliasInput).mutation(({ ctx, input }) => addAlias(ctx.deps, ctx.operator, input, kinds)),
  removeAlias: operatorMutation.input(RemoveAliasInput).mutation(({ ctx, input }) => removeAlias(ctx.deps, ctx.operator, input, kinds)),
  setPrimaryAddress: operatorMutation.input(SetPrimaryAddressInput).mutation(({ ctx, input }) => setPrimaryAddress(ctx.deps, ctx.operator, input, kinds)),
});
