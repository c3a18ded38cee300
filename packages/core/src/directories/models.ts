import type { AttributeMapping, DirectoryPreset } from './presets.ts';

/** Whether the directory answered the last time Mailyard asked (a test, a sync, the periodic check). */
export type DirectoryHealth = 'Unknown' | 'Healthy' | 'Unavailable';

/** What a sync did, shown on the directory's page and the organization's overview. */
export interface SyncReport {
  startedAt: Date;
  finishedAt: Date;
  /** Users and groups read from the directory. */
  usersFound: number;
  groupsFound: number;
  usersAdded: number;
  usersChanged: number;
  /** Users no longer in the directory, disabled (never deleted). */
  usersRemoved: number;
  groupsAdded: number;
  groupsChanged: number;
  groupsRemoved: number;
  /** Entries not taken, each with the reason (the first few). */
  skipped: { dn: string; reason: string }[];
  /** Why the sync stopped, when it did; nothing was changed then. */
  error: string | null;
}

/** A sync under way: what the console's progress bar shows. */
export interface SyncProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
  startedAt: Date;
}

export interface DirectorySummary {
  id: string;
  name: string;
  preset: DirectoryPreset;
  url: string;
  bindDn: string;
  /** The organization using it (Standard setup), or `null` while it is free. */
  organizationId: string | null;
  organizationAlias: string | null;
  health: DirectoryHealth;
  healthMessage: string | null;
  checkedAt: Date | null;
  lastSync: SyncReport | null;
  createdAt: Date;
}

/** Everything but the bind password, which never leaves the server. */
export interface DirectoryDetail extends DirectorySummary {
  startTls: boolean;
  caCertificate: string | null;
  userBaseDn: string;
  groupBaseDn: string;
  userObjectClass: string;
  groupObjectClass: string;
  mapping: AttributeMapping;
  syncProgress: SyncProgress | null;
}

/** What *Test connection* found: the bind worked and the base DNs hold this many entries of each class. */
export interface ConnectionTestResult {
  users: number;
  groups: number;
}
