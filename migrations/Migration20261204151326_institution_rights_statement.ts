import { Migration } from '@mikro-orm/migrations';

// Each institution chooses who is sent the images of its published records (rights-statement.rules.ts);
// every existing institution keeps today's behaviour: open.

export class Migration20261204151326_institution_rights_statement extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "institution" add column "rights_statement" text check ("rights_statement" in ('open', 'on_site', 'metadata_only')) not null default 'open';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "institution" drop column "rights_statement";`);
  }
}
