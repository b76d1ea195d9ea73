// Database tools: `db:migration:create [name]`, `db:migrate`, `db:check` (see README).
import { applyMigrations, connectOrm } from '../db/orm.js';
import { withScratchDatabase } from './scratch-database.js';

const [command, name] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'migration:create':
      return withScratchDatabase(async (url) => {
        const orm = await connectOrm(url);
        try {
          await applyMigrations(orm);
          const result = await orm.getMigrator().createMigration(undefined, false, false, name);
          if (!result.diff.up.length) {
            console.log('No changes: entities and migrations agree.');
            return 0;
          }
          console.log(`Created migrations/${result.fileName}. Review it, then commit it with the snapshot.`);
          return 0;
        } finally {
          await orm.close(true);
        }
      });
    case 'migrate': {
      if (!process.env.DATABASE_URL) {
        console.error('db:migrate needs DATABASE_URL (npm start migrates the embedded database by itself).');
        return 2;
      }
      const orm = await connectOrm(process.env.DATABASE_URL);
      try {
        const applied = await applyMigrations(orm);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
        return 0;
      } finally {
        await orm.close(true);
      }
    }
    case 'check':
      return withScratchDatabase(async (url) => {
        const orm = await connectOrm(url);
        try {
          await applyMigrations(orm);
          const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
          const needed = await orm.getMigrator().checkMigrationNeeded();
          if (drift.trim() || needed) {
            console.error(
              'Entities and committed migrations drift apart. Run `npm run db:migration:create`.',
            );
            if (drift.trim()) console.error(drift);
            return 1;
          }
          console.log('Entities and migrations agree.');
          return 0;
        } finally {
          await orm.close(true);
        }
      });
    default:
      console.error('usage: tsx src/cli/db.ts migration:create [name] | migrate | check');
      return 2;
  }
}

process.exitCode = await main();
