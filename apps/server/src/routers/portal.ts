import {
  AddOwnAliasInput,
  ChangePasswordInput,
  CompletePasswordResetInput,
  OwnDeviceInput,
  PortalSignInInput,
  RecentChangesInput,
  RemoveOwnAliasInput,
  RemoveRecoveryAddressInput,
  RequestPasswordResetInput,
  ResetTokenRef,
  StartRecoveryAddressInput,
  VerifyRecoveryAddressInput,
} from '@mailyard/core/portal';
import { getMyAccount } from '../services/portal/account.ts';
import { addMyAlias } from '../services/portal/alias-add.ts';
import { removeMyAlias } from '../services/portal/alias-remove.ts';
import { listMyAddresses } from '../services/portal/aliases-list.ts';
import { changePassword } from '../services/portal/change-password.ts';
import { removeMyDevice } from '../services/portal/device-remove.ts';
import { changeMyDeviceWipe } from '../services/portal/device-wipe.ts';
import { getMyMailbox } from '../services/portal/mailbox.ts';
import { listMyDevices } from '../services/portal/my-devices.ts';
import { listMyMailboxPermissions } from '../services/portal/permissions.ts';
import { listRecentChanges } from '../services/portal/recent-changes.ts';
import { removeRecoveryAddress } from '../services/portal/recovery-remove.ts';
import { startRecoveryAddress } from '../services/portal/recovery-start.ts';
import { verifyRecoveryAddress } from '../services/portal/recovery-verify.ts';
import { checkResetLink, completePasswordReset } from '../services/portal/reset-complete.ts';
import { requestPasswordReset } from '../services/portal/reset-request.ts';
import { signOutEverywhere, signOutUser } from '../services/portal/session.ts';
import { signInUser } from '../services/portal/sign-in.ts';
import { PORTAL_COOKIE } from '../trpc/context.ts';
import { guessable } from '../trpc/guesses.ts';
import { publicMutation, publicProcedure, router } from '../trpc/init.ts';
import { portalMutation, portalProcedure } from '../trpc/portal-procedures.ts';
import { clearSessionCookie, sessionCookie } from './cookies.ts';

/**
 * The self-service portal's API. Signed-in procedures take no user or organization ids: they act on the
 * session's user, so one user can never name another's data.
 */
export const portalRouter = router({
  /** The signed-in user, or null (the portal shows the sign-in page). */
  me: publicProcedure.query(({ ctx }) => (ctx.userAccount ? getMyAccount(ctx.deps, ctx.userAccount) : null)),

  signIn: publicMutation.meta(guessable).input(PortalSignInInput).mutation(async ({ ctx, input }) => {
    const session = await signInUser(ctx.deps, input, { ip: ctx.ip });
    ctx.res.setCookie(PORTAL_COOKIE, session.sessionToken, sessionCookie(ctx, session.expiresAt));
    return { ok: true };
  }),
  signOut: portalMutation.mutation(async ({ ctx }) => {
    if (ctx.userSessionToken) await signOutUser(ctx.deps, ctx.user, ctx.userSessionToken);
    clearSessionCookie(ctx, PORTAL_COOKIE);
    return { ok: true };
  }),
  signOutEverywhere: portalMutation.mutation(async ({ ctx }) => {
    const result = await signOutEverywhere(ctx.deps, ctx.user);
    clearSessionCookie(ctx, PORTAL_COOKIE);
    return result;
  }),

  changePassword: portalMutation
    .meta(guessable)
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.user, ctx.userSessionToken, input)),

  recovery: router({
    start: portalMutation
      .meta(guessable)
      .input(StartRecoveryAddressInput)
      .mutation(({ ctx, input }) => startRecoveryAddress(ctx.deps, ctx.user, ctx.userAccount, input)),
    verify: portalMutation.meta(guessable).input(VerifyRecoveryAddressInput).mutation(({ ctx, input }) => verifyRecoveryAddress(ctx.deps, ctx.user, input)),
    remove: portalMutation.meta(guessable).input(RemoveRecoveryAddressInput).mutation(({ ctx, input }) => removeRecoveryAddress(ctx.deps, ctx.user, input)),
  }),

  /** Forgotten password, signed out. The token goes in POST bodies only, never in a URL the server logs. */
  reset: router({
    request: publicMutation.meta(guessable).input(RequestPasswordResetInput).mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, input, { ip: ctx.ip })),
    check: publicMutation.meta(guessable).input(ResetTokenRef).mutation(({ ctx, input }) => checkResetLink(ctx.deps, input, { ip: ctx.ip })),
    complete: publicMutation.meta(guessable).input(CompletePasswordResetInput).mutation(({ ctx, input }) => completePasswordReset(ctx.deps, input, { ip: ctx.ip })),
  }),

  aliases: router({
    list: portalProcedure.query(({ ctx }) => listMyAddresses(ctx.deps.db, ctx.user)),
    add: portalMutation.input(AddOwnAliasInput).mutation(({ ctx, input }) => addMyAlias(ctx.deps, ctx.user, input)),
    remove: portalMutation.input(RemoveOwnAliasInput).mutation(({ ctx, input }) => removeMyAlias(ctx.deps, ctx.user, input)),
  }),

  mailbox: portalProcedure.query(({ ctx }) => getMyMailbox(ctx.deps.db, ctx.user)),
  permissions: portalProcedure.query(({ ctx }) => listMyMailboxPermissions(ctx.deps.db, ctx.user)),
  recentChanges: portalProcedure.input(RecentChangesInput).query(({ ctx, input }) => listRecentChanges(ctx.deps.db, ctx.user, input)),

  devices: router({
    list: portalProcedure.query(({ ctx }) => listMyDevices(ctx.deps.db, ctx.user)),
    remove: portalMutation.input(OwnDeviceInput).mutation(({ ctx, input }) => removeMyDevice(ctx.deps, ctx.user, input)),
    wipe: portalMutation.input(OwnDeviceInput).mutation(({ ctx, input }) => changeMyDeviceWipe(ctx.deps, ctx.user, input, 'request')),
    cancelWipe: portalMutation.input(OwnDeviceInput).mutation(({ ctx, input }) => changeMyDeviceWipe(ctx.deps, ctx.user, input, 'cancel')),
  }),
});
