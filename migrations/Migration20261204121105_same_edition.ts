import { Migration } from '@mikro-orm/migrations';

// 同版 groups: the group key of each catalogue entry (search/edition-group.rules.ts), hashed.
// Existing entries get it from the start-up backfill (null = not yet computed).
export class Migration20261204121105_same_edition extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "catalogue_entry" add column "edition_key" varchar(40) null;`);
    this.addSql(`create index "catalogue_entry_edition_key_index" on "catalogue_entry" ("edition_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "catalogue_entry_edition_key_index";`);
    this.addSql(`alter table "catalogue_entry" drop column "edition_key";`);
  }
}
