import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173700_catalogue_display extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "catalogue_entry" add column "authors" text not null, add column "edition" text not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "catalogue_entry" drop column "authors", drop column "edition";`);
  }
}
