import { Migration } from '@mikro-orm/migrations';

export class Migration20261123181102_restoration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "restoration_term" ("id" uuid not null, "kind" text check ("kind" in ('technique', 'repair_paper', 'paste', 'thread', 'dye', 'deacidification_agent')) not null, "value" varchar(64) not null, "label_en" varchar(200) null, "active" boolean not null default true, "sort_order" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "restoration_term_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "restoration_term" add constraint "restoration_term_kind_value_unique" unique ("kind", "value");`,
    );

    this.addSql(
      `create table "restoration_role" ("id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('studio_head', 'inspector')) not null, "granted_by" uuid not null, "created_at" timestamptz not null, constraint "restoration_role_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "restoration_role" add constraint "restoration_role_user_role_unique" unique ("user_id", "role");`,
    );

    this.addSql(
      `create table "restoration_grant" ("id" uuid not null, "record_id" uuid not null, "centre_id" uuid not null, "note" text null, "granted_by" uuid not null, "granted_at" timestamptz not null, "revoked_by" uuid null, "revoked_at" timestamptz null, constraint "restoration_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "restoration_grant_record_id_centre_id_index" on "restoration_grant" ("record_id", "centre_id");`,
    );

    this.addSql(
      `create table "work_order" ("id" uuid not null, "record_id" uuid not null, "institution_id" uuid not null, "centre_id" uuid null, "province_code" varchar(6) not null, "state" text check ("state" in ('proposed', 'planned', 'approved', 'in_progress', 'on_hold', 'completed', 'accepted', 'rejected', 'cancelled')) not null default 'proposed', "summary" text null, "before_assessment_id" uuid null, "after_assessment_id" uuid null, "plan" jsonb null, "planned_by_id" uuid null, "approved_by_id" uuid null, "approved_at" timestamptz null, "materials" jsonb null, "custody" varchar(300) null, "custody_since" timestamptz null, "accepted_by_id" uuid null, "accepted_at" timestamptz null, "rating" varchar(8) null, "findings" text null, "last_reason" text null, "state_since" timestamptz not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "work_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "work_order_record_id_index" on "work_order" ("record_id");`);
    this.addSql(
      `create index "work_order_institution_id_state_index" on "work_order" ("institution_id", "state");`,
    );
    this.addSql(`create index "work_order_centre_id_state_index" on "work_order" ("centre_id", "state");`);

    this.addSql(
      `create table "work_order_log_entry" ("id" uuid not null, "work_order_id" uuid not null, "work_date" date not null, "conservator_id" uuid not null, "step" varchar(64) not null, "leaves_treated" int not null, "hours" numeric(6,2) not null, "notes" text null, "created_at" timestamptz not null, constraint "work_order_log_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "work_order_log_entry_work_order_id_work_date_index" on "work_order_log_entry" ("work_order_id", "work_date");`,
    );

    this.addSql(
      `create table "work_order_photo" ("id" uuid not null, "work_order_id" uuid not null, "image_id" uuid not null, "phase" text check ("phase" in ('before', 'during', 'after')) not null, "caption" varchar(300) null, "log_entry_id" uuid null, "created_at" timestamptz not null, constraint "work_order_photo_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "work_order_photo_work_order_id_index" on "work_order_photo" ("work_order_id");`,
    );
    this.addSql(
      `alter table "work_order_photo" add constraint "work_order_photo_image_id_unique" unique ("image_id");`,
    );

    this.addSql(
      `create table "work_order_transition" ("id" uuid not null, "work_order_id" uuid not null, "action" text check ("action" in ('plan', 'approve', 'start', 'hold', 'resume', 'complete', 'accept', 'reject', 'cancel')) null, "from_state" text check ("from_state" in ('proposed', 'planned', 'approved', 'in_progress', 'on_hold', 'completed', 'accepted', 'rejected', 'cancelled')) null, "to_state" text check ("to_state" in ('proposed', 'planned', 'approved', 'in_progress', 'on_hold', 'completed', 'accepted', 'rejected', 'cancelled')) not null, "actor_id" uuid not null, "actor_name" varchar(100) not null, "reason" text null, "at" timestamptz not null, constraint "work_order_transition_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "work_order_transition_work_order_id_at_index" on "work_order_transition" ("work_order_id", "at");`,
    );

    this.addSql(
      `alter table "restoration_role" add constraint "restoration_role_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "restoration_grant" add constraint "restoration_grant_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "restoration_grant" add constraint "restoration_grant_centre_id_foreign" foreign key ("centre_id") references "institution" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "work_order" add constraint "work_order_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_institution_id_foreign" foreign key ("institution_id") references "institution" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_centre_id_foreign" foreign key ("centre_id") references "institution" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_before_assessment_id_foreign" foreign key ("before_assessment_id") references "condition_assessment" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_after_assessment_id_foreign" foreign key ("after_assessment_id") references "condition_assessment" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_planned_by_id_foreign" foreign key ("planned_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_approved_by_id_foreign" foreign key ("approved_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_accepted_by_id_foreign" foreign key ("accepted_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "work_order" add constraint "work_order_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "work_order_log_entry" add constraint "work_order_log_entry_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_order_log_entry" add constraint "work_order_log_entry_conservator_id_foreign" foreign key ("conservator_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "work_order_photo" add constraint "work_order_photo_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_order_photo" add constraint "work_order_photo_image_id_foreign" foreign key ("image_id") references "record_image" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "work_order_photo" add constraint "work_order_photo_log_entry_id_foreign" foreign key ("log_entry_id") references "work_order_log_entry" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "work_order_transition" add constraint "work_order_transition_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete cascade;`,
    );

    // Seed of the editable vocabularies (src/restoration/restoration-vocabulary.data.ts at the time of writing).
    this
      .addSql(`insert into "restoration_term" ("id", "kind", "value", "label_en", "active", "sort_order", "created_at", "updated_at", "version")
      select gen_random_uuid(), v.kind, v.value, v.label_en, true, v.sort_order, now(), now(), 1 from (values
      ('technique', '拆书', 'disbinding', 0),
      ('technique', '揭页', 'separating leaves', 1),
      ('technique', '去污', 'cleaning', 2),
      ('technique', '洗书', 'washing', 3),
      ('technique', '脱酸', 'deacidification', 4),
      ('technique', '补洞', 'filling holes', 5),
      ('technique', '补破', 'mending tears', 6),
      ('technique', '托裱', 'lining', 7),
      ('technique', '溜口', 'reinforcing folds', 8),
      ('technique', '镶衬', 'inlaying', 9),
      ('technique', '金镶玉', 'jin xiang yu inlaying', 10),
      ('technique', '加固', 'consolidation', 11),
      ('technique', '压平', 'pressing', 12),
      ('technique', '齐栏', 'trimming', 13),
      ('technique', '订线', 'resewing', 14),
      ('technique', '装订', 'rebinding', 15),
      ('technique', '做函套', 'making a case', 16),
      ('repair_paper', '竹纸', 'bamboo paper', 0),
      ('repair_paper', '皮纸', 'bast-fibre paper', 1),
      ('repair_paper', '构皮纸', 'paper-mulberry paper', 2),
      ('repair_paper', '桑皮纸', 'mulberry paper', 3),
      ('repair_paper', '宣纸', 'xuan paper', 4),
      ('repair_paper', '连史纸', 'lianshi paper', 5),
      ('repair_paper', '毛边纸', 'maobian paper', 6),
      ('repair_paper', '开化纸', 'kaihua paper', 7),
      ('paste', '小麦淀粉浆糊', 'wheat starch paste', 0),
      ('paste', '面粉浆糊', 'wheat flour paste', 1),
      ('paste', '甲基纤维素', 'methyl cellulose', 2),
      ('thread', '丝线', 'silk thread', 0),
      ('thread', '棉线', 'cotton thread', 1),
      ('thread', '麻线', 'ramie thread', 2),
      ('dye', '国画颜料', 'Chinese painting pigments', 0),
      ('dye', '橡碗子', 'acorn-cup dye', 1),
      ('dye', '红茶', 'black tea', 2),
      ('dye', '植物染料', 'plant dyes', 3),
      ('deacidification_agent', '氢氧化钙溶液', 'calcium hydroxide solution', 0),
      ('deacidification_agent', '碳酸氢镁溶液', 'magnesium bicarbonate solution', 1),
      ('deacidification_agent', '氧化镁分散液', 'magnesium oxide dispersion', 2)) as v(kind, value, label_en, sort_order);`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "work_order_log_entry" drop constraint "work_order_log_entry_work_order_id_foreign";`,
    );

    this.addSql(`alter table "work_order_photo" drop constraint "work_order_photo_work_order_id_foreign";`);

    this.addSql(
      `alter table "work_order_transition" drop constraint "work_order_transition_work_order_id_foreign";`,
    );

    this.addSql(`alter table "work_order_photo" drop constraint "work_order_photo_log_entry_id_foreign";`);

    this.addSql(`drop table if exists "restoration_term" cascade;`);

    this.addSql(`drop table if exists "restoration_role" cascade;`);

    this.addSql(`drop table if exists "restoration_grant" cascade;`);

    this.addSql(`drop table if exists "work_order" cascade;`);

    this.addSql(`drop table if exists "work_order_log_entry" cascade;`);

    this.addSql(`drop table if exists "work_order_photo" cascade;`);

    this.addSql(`drop table if exists "work_order_transition" cascade;`);
  }
}
