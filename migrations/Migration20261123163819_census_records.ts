import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163819_census_records extends Migration {
  override async up(): Promise<void> {
    // Trigram matching for the free-text record filter (census_record_search_trgm below).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "census_serial" ("institution_id" uuid not null, "series" text check ("series" in ('guji', 'minguo')) not null, "last_serial" int not null, constraint "census_serial_pkey" primary key ("institution_id", "series"));`,
    );

    this.addSql(
      `create table "code_list_value" ("id" uuid not null, "list" text check ("list" in ('document_type', 'script', 'edition_type', 'binding', 'classification', 'authorship_mode', 'annotation_mode', 'minguo_document_type', 'paper', 'brittleness')) not null, "value" varchar(64) not null, "aliases" jsonb not null, "history" jsonb not null, "active" boolean not null default true, "sort_order" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "code_list_value_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "code_list_value" add constraint "code_list_value_list_value_unique" unique ("list", "value");`,
    );

    this.addSql(
      `create table "setting" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "setting_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "review_assignment" ("id" uuid not null, "reviewer_id" uuid not null, "institution_id" uuid not null, "created_by" uuid null, "created_at" timestamptz not null, constraint "review_assignment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "review_assignment_institution_id_index" on "review_assignment" ("institution_id");`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_reviewer_id_institution_id_unique" unique ("reviewer_id", "institution_id");`,
    );

    this.addSql(
      `create table "census_record" ("id" uuid not null, "census_number" varchar(32) not null, "type" text check ("type" in ('guji', 'minguo')) not null, "institution_id" uuid not null, "province_code" varchar(6) not null, "call_number" varchar(100) not null, "status" text check ("status" in ('draft', 'submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn')) not null default 'draft', "title" text not null, "search_text" text not null, "body" jsonb not null, "dynasty" varchar(16) null, "era" varchar(16) null, "era_year" smallint null, "year_from" smallint null, "year_to" smallint null, "date_precision" varchar(16) not null, "classification" varchar(16) null, "edition_type" varchar(32) null, "binding" varchar(16) null, "grade" varchar(16) null, "damage_grade" varchar(16) null, "document_type" varchar(32) not null, "precious_list_number" varchar(16) null, "tier" text check ("tier" in ('none', 'mandatory', 'basic', 'full')) not null, "assigned_reviewer_id" uuid null, "withdraw_reason" text null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "submitted_at" timestamptz null, "approved_at" timestamptz null, "published_at" timestamptz null, "version" int not null default 1, constraint "census_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "census_record" add constraint "census_record_census_number_unique" unique ("census_number");`,
    );
    this.addSql(`create index "census_record_province_code_index" on "census_record" ("province_code");`);
    this.addSql(
      `alter table "census_record" add constraint "census_record_precious_list_number_unique" unique ("precious_list_number");`,
    );
    this.addSql(
      `create index "census_record_institution_status_number_index" on "census_record" ("institution_id", "status", "census_number");`,
    );
    this.addSql(
      `create index "census_record_status_number_index" on "census_record" ("status", "census_number");`,
    );
    this.addSql(`create index "census_record_year_index" on "census_record" ("year_from", "year_to");`);
    this.addSql(
      `create index "census_record_reviewer_index" on "census_record" ("assigned_reviewer_id", "status");`,
    );
    this.addSql(
      `create index "census_record_search_trgm" on "census_record" using gin ("search_text" gin_trgm_ops);`,
    );
    this.addSql(
      `alter table "census_record" add constraint "census_record_institution_call_number_unique" unique ("institution_id", "call_number");`,
    );

    this.addSql(
      `create table "review_event" ("id" bigserial primary key, "record_id" uuid not null, "round" int not null, "action" varchar(32) not null, "from_status" varchar(16) not null, "to_status" varchar(16) not null, "actor_id" uuid null, "actor_email" varchar(254) null, "note" text null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "review_event_record_id_at_index" on "review_event" ("record_id", "at");`);

    this.addSql(
      `create table "review_comment" ("id" uuid not null, "record_id" uuid not null, "round" int not null, "field" varchar(64) not null, "text" text not null, "actor_id" uuid null, "actor_email" varchar(254) null, "resolved" boolean not null default false, "at" timestamptz not null, constraint "review_comment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "review_comment_record_id_round_index" on "review_comment" ("record_id", "round");`,
    );

    this.addSql(
      `create table "record_version" ("id" bigserial primary key, "record_id" uuid not null, "version" int not null, "at" timestamptz not null, "actor_id" uuid null, "actor_email" varchar(254) null, "reason" text null, "status" varchar(16) not null, "changes" jsonb not null, "snapshot" jsonb not null);`,
    );
    this.addSql(
      `alter table "record_version" add constraint "record_version_record_id_version_unique" unique ("record_id", "version");`,
    );

    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "review_assignment" add constraint "review_assignment_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "census_record" add constraint "census_record_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "census_record" add constraint "census_record_assigned_reviewer_id_foreign" foreign key ("assigned_reviewer_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "census_record" add constraint "census_record_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "review_event" add constraint "review_event_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "review_comment" add constraint "review_comment_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "record_version" add constraint "record_version_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "review_event" drop constraint "review_event_record_id_foreign";`);

    this.addSql(`alter table "review_comment" drop constraint "review_comment_record_id_foreign";`);

    this.addSql(`alter table "record_version" drop constraint "record_version_record_id_foreign";`);

    this.addSql(`drop table if exists "census_serial" cascade;`);

    this.addSql(`drop table if exists "code_list_value" cascade;`);

    this.addSql(`drop table if exists "setting" cascade;`);

    this.addSql(`drop table if exists "review_assignment" cascade;`);

    this.addSql(`drop table if exists "census_record" cascade;`);

    this.addSql(`drop table if exists "review_event" cascade;`);

    this.addSql(`drop table if exists "review_comment" cascade;`);

    this.addSql(`drop table if exists "record_version" cascade;`);
  }
}
