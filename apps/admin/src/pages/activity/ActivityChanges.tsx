import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value of the audit trail as one short line. */
export function showValue(value: Json): string {
  if (value === undefined) return '';
  if (value === null) return '-';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Nested objects as dotted fields (`member.name`), so each value reads on its own line. */
function flatten(record: Record<string, Json>, prefix = ''): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) {
    if (isRecord(value) && Object.keys(value).length > 0) Object.assign(out, flatten(value, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * Before and after as rows by field: the union of both objects' keys, in the order they first appear. A value
 * that is not an object (or is absent) becomes a single row.
 */
export function changeRows(before: Json, after: Json): ChangeRow[] {
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    return [{ field: 'value', before: showValue(before), after: showValue(after), changed: showValue(before) !== showValue(after) }];
  }
  const b = flatten((before ?? {}) as Record<string, Json>);
  const a = flatten((after ?? {}) as Record<string, Json>);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const was = field in b ? showValue(b[field]) : '';
    const now = field in a ? showValue(a[field]) : '';
    return { field, before: was, after: now, changed: was !== now };
  });
}

/** The "before → after" of one audit event, folded: a count in the table, the fields when opened. */
export function ActivityChanges({ before, after, label }: { before: Json; after: Json; label: string }) {
  const rows = changeRows(before, after);
  if (rows.length === 0) return <Box color="text-status-inactive">-</Box>;
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  return (
    <ExpandableSection variant="footer" headerText={`${rows.length} ${rows.length === 1 ? 'field' : 'fields'}`} headerAriaLabel={`Changes of ${label}`}>
      <table className="change-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {hasBefore && <th scope="col">Before</th>}
            {hasAfter && <th scope="col">After</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.changed && hasBefore && hasAfter ? 'change-table__changed' : undefined}>
              <th scope="row">{row.field}</th>
              {hasBefore && <td>{row.before || <span className="change-table__absent">-</span>}</td>}
              {hasAfter && <td>{row.after || <span className="change-table__absent">-</span>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ExpandableSection>
  );
}
