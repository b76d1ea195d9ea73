import { Migration } from '@mikro-orm/migrations';

export class Migration20261123165843_imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_job" ("id" uuid not null, "institution_id" uuid not null, "created_by" uuid null, "created_by_email" varchar(254) null, "status" text check ("status" in ('queued', 'running', 'done', 'failed')) not null default 'queued', "mode" text check ("mode" in ('skip', 'atomic')) not null, "format" text check ("format" in ('csv', 'xlsx')) not null, "file_name" varchar(300) not null, "sha256" varchar(64) not null, "size_bytes" bigint not null, "object_prefix" varchar(200) not null, "object_parts" int not null, "total" int not null default 0, "processed" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "failed" int not null default 0, "conflicts" int not null default 0, "error_code" varchar(64) null, "error_message" text null, "attempts" int not null default 0, "heartbeat_at" timestamptz null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "import_job_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "import_job_status_created_at_index" on "import_job" ("status", "created_at");`,
    );
    this.addSql(
      `create index "import_job_institution_id_created_at_index" on "import_job" ("institution_id", "created_at");`,
    );

    this.addSql(
      `create table "import_row_error" ("id" bigserial primary key, "job_id" uuid not null, "row" int not null, "field" varchar(64) not null, "value" text null, "code" varchar(64) not null, "kind" text check ("kind" in ('error', 'conflict')) not null, "message_zh" text not null, "message_en" text not null);`,
    );
    this.addSql(`create index "import_row_error_job_id_row_index" on "import_row_error" ("job_id", "row");`);

    this.addSql(
      `alter table "import_job" add constraint "import_job_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "import_row_error" add constraint "import_row_error_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_row_error" drop constraint "import_row_error_job_id_foreign";`);

    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop table if exists "import_row_error" cascade;`);
  }
}
