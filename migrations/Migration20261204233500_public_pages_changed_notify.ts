import { Migration } from '@mikro-orm/migrations';

// Every instance keeps rendered public pages (src/public-pages/page-cache.ts) and must forget them
// when what they show changes, whichever instance (or SQL script) changed it: a statement-level
// trigger on each table the pages read sends NOTIFY public_pages_changed. PostgreSQL delivers a
// notification only when its transaction commits, so a listener never hears of a change it
// cannot yet read, and several in one transaction arrive as one.

const TABLES = ['catalogue_entry', 'institution', 'record_image', 'work_order_photo', 'setting', 'province'];

export class Migration20261204233500_public_pages_changed_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function public_pages_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('public_pages_changed', '');
        return null;
      end $$;`);
    for (const table of TABLES)
      this.addSql(
        `create trigger "${table}_public_pages_changed" after insert or update or delete or truncate on "${table}"
           for each statement execute function public_pages_changed();`,
      );
  }

  override async down(): Promise<void> {
    for (const table of TABLES)
      this.addSql(`drop trigger if exists "${table}_public_pages_changed" on "${table}";`);
    this.addSql('drop function if exists public_pages_changed();');
  }
}
