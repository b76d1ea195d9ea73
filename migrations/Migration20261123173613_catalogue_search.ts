import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173613_catalogue_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "catalogue_entry" ("record_id" uuid not null, "census_number" varchar(32) not null, "type" varchar(8) not null, "institution_id" uuid not null, "province_code" varchar(6) not null, "title" text not null, "title_key" text not null, "search_key" text not null, "tokens" text[] not null, "document_type" varchar(32) not null, "classification" varchar(16) null, "dynasty" varchar(16) null, "year_from" smallint null, "year_to" smallint null, "edition_type" varchar(32) null, "binding" varchar(16) null, "grade" varchar(16) null, "damage_grade" varchar(16) null, "precious" boolean not null, "published_at" timestamptz not null, "updated_at" timestamptz not null, constraint "catalogue_entry_pkey" primary key ("record_id"));`,
    );
    this.addSql(
      `alter table "catalogue_entry" add constraint "catalogue_entry_census_number_unique" unique ("census_number");`,
    );
    this.addSql(
      `create index "catalogue_entry_institution_id_index" on "catalogue_entry" ("institution_id");`,
    );
    this.addSql(`create index "catalogue_entry_province_code_index" on "catalogue_entry" ("province_code");`);
    this.addSql(
      `create index "catalogue_entry_tokens_gin" on "catalogue_entry" using gin ("tokens") with (fastupdate = off);`,
    );
    this.addSql(`create index "catalogue_entry_year_index" on "catalogue_entry" ("year_from", "year_to");`);

    this.addSql(
      `create table "published_change" ("id" bigserial primary key, "record_id" uuid not null, "census_number" varchar(32) not null, "type" text check ("type" in ('Create', 'Update', 'Delete')) not null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "published_change_record_id_index" on "published_change" ("record_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalogue_entry" cascade;`);

    this.addSql(`drop table if exists "published_change" cascade;`);
  }
}
