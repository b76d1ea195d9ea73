import { Migration } from '@mikro-orm/migrations';

// Every stored file is one S3 object now: an import's upload is `imports/{id}.{csv|xlsx}` instead
// of numbered parts under a prefix. Rows of imports stored before are pointed at their single
// object by `npm run census -- migrate-parts` (which also joins the parts).
export class Migration20261204123849_import_object_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_job" drop column "object_parts";`);
    this.addSql(`alter table "import_job" rename column "object_prefix" to "object_key";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_job" add column "object_parts" int4 not null default 1;`);
    this.addSql(`alter table "import_job" rename column "object_key" to "object_prefix";`);
  }
}
