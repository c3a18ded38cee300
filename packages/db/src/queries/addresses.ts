import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AddressOrigin } from '@mailyard/core/addresses';
import type { EntityType } from '@mailyard/core/entities';
import type { Db } from '../client.ts';
import { addressClaims, addresses } from '../schema/index.ts';

export type { EntityType };

export interface AddressRow {
  address: string;
  organizationId: string;
  entityId: string;
  entityType: EntityType;
  isPrimary: boolean;
  origin: AddressOrigin;
  createdAt: Date;
}

const columns = {
  address: addresses.address,
  organizationId: addresses.organizationId,
  entityId: addresses.entityId,
  entityType: sql<EntityType>`${addresses.entityType}`,
  isPrimary: addresses.isPrimary,
  origin: sql<AddressOrigin>`${addresses.origin}`,
  createdAt: addresses.createdAt,
};

/**
 * Inserts an address and its claim, in one statement. The claim's primary key on the lower-cased address is the one
 * namespace shared by every user, group and alias of the whole system: an address taken in another organization
 * raises unique violation `address_claims_pkey`, one taken in the same organization `addresses_organization_id_address_pk`.
 */
export async function insertAddress(db: Db, row: AddressRow): Promise<void> {
  const a = addresses;
  await db.execute(sql`
    with inserted as (
      insert into ${a} (${sql.identifier(a.address.name)}, ${sql.identifier(a.organizationId.name)}, ${sql.identifier(a.entityId.name)},
                        ${sql.identifier(a.entityType.name)}, ${sql.identifier(a.isPrimary.name)}, ${sql.identifier(a.origin.name)}, ${sql.identifier(a.createdAt.name)})
      values (${row.address}, ${row.organizationId}, ${row.entityId}, ${row.entityType}, ${row.isPrimary}, ${row.origin}, ${row.createdAt.toISOString()}::timestamptz)
      returning ${sql.identifier(a.address.name)}, ${sql.identifier(a.organizationId.name)}
    )
    insert into ${addressClaims} (${sql.identifier(addressClaims.address.name)}, ${sql.identifier(addressClaims.organizationId.name)})
    select address, organization_id from inserted`);
}

/** Who holds an address anywhere in the system (for "in use by …" messages and sign-in by alias). */
export async function findAddress(db: Db, address: string): Promise<AddressRow | null> {
  const [row] = await db.select(columns).from(addresses).where(eq(addresses.address, address.toLowerCase()));
  return row ?? null;
}

/** An entity's addresses, primary first then alphabetical: at most 101 (one primary, 100 aliases). */
export async function listEntityAddresses(db: Db, q: { organizationId: string; entityId: string }): Promise<AddressRow[]> {
  return db
    .select(columns)
    .from(addresses)
    .where(and(eq(addresses.organizationId, q.organizationId), eq(addresses.entityId, q.entityId)))
    .orderBy(desc(addresses.isPrimary), asc(addresses.address));
}

export async function countEntityAliases(db: Db, organizationId: string, entityId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(addresses)
    .where(and(eq(addresses.organizationId, organizationId), eq(addresses.entityId, entityId), eq(addresses.isPrimary, false)));
  return row?.n ?? 0;
}

export async function deleteAddress(db: Db, q: { organizationId: string; entityId: string; address: string }): Promise<boolean> {
  const rows = await db
    .delete(addresses)
    .where(and(eq(addresses.organizationId, q.organizationId), eq(addresses.entityId, q.entityId), eq(addresses.address, q.address.toLowerCase())))
    .returning({ address: addresses.address });
  return rows.length > 0;
}

/** Frees every address of an entity (user or group deleted). Returns what was freed, for the audit event. */
export async function deleteEntityAddresses(db: Db, organizationId: string, entityId: string): Promise<string[]> {
  const rows = await db
    .delete(addresses)
    .where(and(eq(addresses.organizationId, organizationId), eq(addresses.entityId, entityId)))
    .returning({ address: addresses.address });
  return rows.map((r) => r.address);
}

/** Makes `address` the entity's only primary; the former primary becomes an alias (WorkMail's swap). */
export async function setPrimaryAddress(db: Db, q: { organizationId: string; entityId: string; address: string }): Promise<void> {
  await db
    .update(addresses)
    .set({ isPrimary: sql`${addresses.address} = ${q.address.toLowerCase()}` })
    .where(and(eq(addresses.organizationId, q.organizationId), eq(addresses.entityId, q.entityId)));
}
