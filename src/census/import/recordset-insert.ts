import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import { executeBound } from '../../kernel/bound-sql.js';

/**
 * Inserts many rows of one entity's table with a single bound parameter: the rows travel as one JSON
 * array that PostgreSQL unpacks with jsonb_to_recordset. Why not `em.insertMany`: MikroORM inlines and
 * escapes every value into the SQL text on the client, which cost more than the insert itself for a
 * batch of large JSON bodies (and made PostgreSQL parse a megabyte of SQL per batch).
 *
 * Rows are keyed by PROPERTY name (as for insertMany) and all have the first row's keys (a key only
 * later rows have is not stored); columns and their types come from the entity
 * metadata, so a renamed or retyped column cannot drift from this statement. Unlike insertMany, no
 * `onCreate` hook or column default applies: a key left out is stored as NULL, so callers pass every
 * column they need. Runs in the entity manager's transaction; database errors are converted to
 * MikroORM's DriverException subclasses like any ORM query.
 */
export async function insertRecordset(
  em: EntityManager,
  schema: Pick<EntitySchema, 'meta'>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (!rows.length) return;
  const meta = em.getMetadata().get(schema.meta.className);
  const properties = Object.keys(rows[0]!);
  const columns = properties.map((name) => {
    const prop = meta.properties[name];
    if (!prop?.fieldNames?.length || !prop.columnTypes?.length)
      throw new Error(`insertRecordset: ${meta.className} has no column for property "${name}"`);
    return { property: name, field: prop.fieldNames[0]!, type: prop.columnTypes[0]! };
  });
  const quoted = columns.map((c) => `"${c.field}"`).join(', ');
  const definition = columns.map((c) => `"${c.field}" ${c.type}`).join(', ');
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.field, row[c.property] ?? null]))),
  );
  await executeBound(
    em,
    `insert into "${meta.tableName}" (${quoted}) select ${quoted} from jsonb_to_recordset(?::jsonb) as x(${definition})`,
    [json],
  );
}
