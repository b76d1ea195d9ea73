import { Migration } from '@mikro-orm/migrations';

export class Migration20261123183418_assessment_import extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assessment_import_key" ("key" varchar(64) not null, "assessment_id" uuid not null, "import_job_id" uuid null, "created_at" timestamptz not null, constraint "assessment_import_key_pkey" primary key ("key"));`,
    );

    this.addSql(
      `alter table "assessment_import_key" add constraint "assessment_import_key_assessment_id_foreign" foreign key ("assessment_id") references "condition_assessment" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "import_job" add column "kind" text check ("kind" in ('records', 'assessments')) not null default 'records';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "assessment_import_key" cascade;`);

    this.addSql(`alter table "import_job" drop column "kind";`);
  }
}
