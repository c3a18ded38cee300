import { OrganizationRef } from '@mailyard/core/organizations';
import { ImportRef, ImportRowsInput, ListImportsInput, ValidateImportInput } from '@mailyard/core/imports';
import { applyImport } from '../services/imports/apply.ts';
import { getImport } from '../services/imports/get.ts';
import { countImports, listImports } from '../services/imports/list.ts';
import { listImportReportRows } from '../services/imports/rows.ts';
import { validateImport } from '../services/imports/validate.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** Bulk import of users from a CSV: a dry run with a report, then applying the valid rows in the background. */
export const importsRouter = router({
  list: operatorProcedure.input(ListImportsInput).query(({ ctx, input }) => listImports(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => countImports(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(ImportRef).query(({ ctx, input }) => getImport(ctx.deps.db, ctx.operator, input)),
  rows: operatorProcedure.input(ImportRowsInput).query(({ ctx, input }) => listImportReportRows(ctx.deps.db, ctx.operator, input)),
  /** The dry run: stores the file's report; creates nothing. */
  validate: operatorMutation.input(ValidateImportInput).mutation(({ ctx, input }) => validateImport(ctx.deps, ctx.operator, input)),
  /** Applies the valid rows in the background ("apply" is a word tRPC reserves). */
  start: operatorMutation.input(ImportRef).mutation(({ ctx, input }) => applyImport(ctx.deps, ctx.operator, input)),
});
