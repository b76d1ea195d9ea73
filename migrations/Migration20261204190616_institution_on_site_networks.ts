import { Migration } from '@mikro-orm/migrations';

// The reading-room networks of an institution (on-site-networks.rules.ts); none until it sets them,
// so `on_site` keeps behaving as before.

export class Migration20261204190616_institution_on_site_networks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "institution" add column "on_site_networks" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "institution" drop column "on_site_networks";`);
  }
}
