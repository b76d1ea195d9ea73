import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173418_record_images extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "record_image" ("id" uuid not null, "record_id" uuid not null, "sequence" int not null, "label" varchar(100) not null, "status" text check ("status" in ('processing', 'ready', 'failed')) not null default 'processing', "error" text null, "width" int not null, "height" int not null, "format" text check ("format" in ('tiff', 'jpeg', 'png')) not null, "size_bytes" bigint not null, "sha256" varchar(64) not null, "master_key" varchar(300) not null, "original_filename" varchar(300) not null, "created_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "record_image_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "record_image_record_id_index" on "record_image" ("record_id");`);
    this.addSql(
      `alter table "record_image" add constraint "record_image_record_sequence_unique" unique ("record_id", "sequence") deferrable initially deferred;`,
    );

    this.addSql(
      `create table "derivative_job" ("id" uuid not null, "image_id" uuid not null, "sha256" varchar(64) not null, "status" text check ("status" in ('queued', 'running', 'done', 'failed')) not null default 'queued', "attempts" int not null default 0, "run_after" timestamptz not null, "heartbeat_at" timestamptz null, "error_message" text null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "derivative_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "derivative_job_image_id_index" on "derivative_job" ("image_id");`);
    this.addSql(
      `create index "derivative_job_status_run_after_index" on "derivative_job" ("status", "run_after");`,
    );

    this.addSql(
      `alter table "record_image" add constraint "record_image_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "derivative_job" add constraint "derivative_job_image_id_foreign" foreign key ("image_id") references "record_image" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "derivative_job" drop constraint "derivative_job_image_id_foreign";`);

    this.addSql(`drop table if exists "record_image" cascade;`);

    this.addSql(`drop table if exists "derivative_job" cascade;`);
  }
}
