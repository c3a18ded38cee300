import { ListMailDomainsInput, MailDomainRef, RegisterMailDomainInput } from '@mailyard/core/mail-domains';
import { deregisterMailDomain } from '../services/mail-domains/deregister.ts';
import { getMailDomain } from '../services/mail-domains/get.ts';
import { listMailDomains } from '../services/mail-domains/list.ts';
import { registerMailDomain } from '../services/mail-domains/register.ts';
import { rotateDkimKey } from '../services/mail-domains/rotate-dkim.ts';
import { setDefaultDomain } from '../services/mail-domains/set-default.ts';
import { verifyMailDomain } from '../services/mail-domains/verify.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const domainsRouter = router({
  list: operatorProcedure.input(ListMailDomainsInput).query(({ ctx, input }) => listMailDomains(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(MailDomainRef).query(({ ctx, input }) => getMailDomain(ctx.deps, ctx.operator, input)),
  register: operatorMutation.input(RegisterMailDomainInput).mutation(({ ctx, input }) => registerMailDomain(ctx.deps, ctx.operator, input)),
  verify: operatorMutation.input(MailDomainRef).mutation(({ ctx, input }) => verifyMailDomain(ctx.deps, ctx.operator, input)),
  setDefault: operatorMutation.input(MailDomainRef).mutation(({ ctx, input }) => setDefaultDomain(ctx.deps, ctx.operator, input)),
  rotateDkim: operatorMutation.input(MailDomainRef).mutation(({ ctx, input }) => rotateDkimKey(ctx.deps, ctx.operator, input)),
  deregister: operatorMutation.input(MailDomainRef).mutation(({ ctx, input }) => deregisterMailDomain(ctx.deps, ctx.operator, input)),
});
