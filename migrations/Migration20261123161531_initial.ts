import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161531_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "actor_email" varchar(254) null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "scope_province_code" varchar(6) null, "scope_institution_id" uuid null, "request_id" varchar(64) null);`,
    );
    this.addSql(
      `create index "audit_entry_entity_type_entity_id_at_index" on "audit_entry" ("entity_type", "entity_id", "at");`,
    );
    this.addSql(`create index "audit_entry_actor_id_at_index" on "audit_entry" ("actor_id", "at");`);
    this.addSql(
      `create index "audit_entry_scope_province_code_at_index" on "audit_entry" ("scope_province_code", "at");`,
    );
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);

    this.addSql(
      `create table "login_failure" ("id" bigserial primary key, "email" varchar(254) not null, "ip" varchar(64) not null, "at" timestamptz not null);`,
    );
    this.addSql(`create index "login_failure_email_at_index" on "login_failure" ("email", "at");`);
    this.addSql(`create index "login_failure_ip_at_index" on "login_failure" ("ip", "at");`);

    this.addSql(
      `create table "province" ("code" varchar(6) not null, "name_zh" varchar(32) not null, "name_en" varchar(64) not null, constraint "province_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "institution" ("id" uuid not null, "province_code" varchar(6) not null, "code" varchar(4) not null, "name" varchar(200) not null, "type" text check ("type" in ('公共图书馆', '高校图书馆', '博物馆', '档案馆', '科研机构', '宗教场所', '其他')) not null, "address" varchar(300) null, "contact_name" varchar(100) null, "contact_phone" varchar(50) null, "contact_email" varchar(200) null, "key_protection_batch" smallint null, "is_restoration_centre" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "institution_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "institution_province_code_index" on "institution" ("province_code");`);
    this.addSql(
      `alter table "institution" add constraint "institution_province_code_unique" unique ("province_code", "code");`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(100) not null, "password_hash" varchar(200) not null, "role" text check ("role" in ('national_admin', 'provincial_admin', 'reviewer', 'cataloguer', 'conservator', 'reader')) not null, "institution_id" uuid null, "province_code" varchar(6) null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, "password_changed_at" timestamptz not null, "version" int not null default 1, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_institution_id_index" on "app_user" ("institution_id");`);
    this.addSql(`create index "app_user_province_code_index" on "app_user" ("province_code");`);

    this.addSql(
      `create table "auth_token" ("id" uuid not null, "user_id" uuid not null, "kind" text check ("kind" in ('login', 'personal')) not null, "name" varchar(100) null, "secret_hash" varchar(64) not null, "csrf_token" varchar(64) null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "auth_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "auth_token_user_id_index" on "auth_token" ("user_id");`);
    this.addSql(
      `alter table "auth_token" add constraint "auth_token_secret_hash_unique" unique ("secret_hash");`,
    );

    this.addSql(
      `alter table "institution" add constraint "institution_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "auth_token" add constraint "auth_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "institution" drop constraint "institution_province_code_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_province_code_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_institution_id_foreign";`);

    this.addSql(`alter table "auth_token" drop constraint "auth_token_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "login_failure" cascade;`);

    this.addSql(`drop table if exists "province" cascade;`);

    this.addSql(`drop table if exists "institution" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "auth_token" cascade;`);
  }
}
