import { Migration } from '@mikro-orm/migrations';

export class Migration20261123173516_grading_condition extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "damage_rule_set" ("version" int not null, "definition" jsonb not null, "note" text null, "published_by" uuid null, "published_by_email" varchar(254) null, "published_at" timestamptz not null, constraint "damage_rule_set_pkey" primary key ("version"));`,
    );

    this.addSql(
      `create table "precious_list_entry" ("number" varchar(16) not null, "batch" smallint not null, "year" smallint not null, "title" text null, "created_at" timestamptz not null, constraint "precious_list_entry_pkey" primary key ("number"));`,
    );

    this.addSql(
      `create table "record_triage_state" ("record_id" uuid not null, "institution_id" uuid not null, "province_code" varchar(6) not null, "damage_level" varchar(8) null, "grade" varchar(16) null, "on_precious_list" boolean not null, "lowest_ph" numeric(4,2) null, "acidity_band" varchar(24) null, "score" int not null, "updated_at" timestamptz not null, constraint "record_triage_state_pkey" primary key ("record_id"));`,
    );
    this.addSql(
      `create index "record_triage_state_score_index" on "record_triage_state" ("score" desc, "record_id");`,
    );
    this.addSql(
      `create index "record_triage_state_institution_score_index" on "record_triage_state" ("institution_id", "score" desc, "record_id");`,
    );
    this.addSql(
      `create index "record_triage_state_province_score_index" on "record_triage_state" ("province_code", "score" desc, "record_id");`,
    );

    this.addSql(
      `create table "grading_assessment" ("id" uuid not null, "record_id" uuid not null, "grade" varchar(8) not null, "rank" varchar(2) null, "label" varchar(16) not null, "basis_historical" text null, "basis_scholarly" text null, "basis_artistic" text null, "assessor" varchar(200) not null, "assessed_on" date not null, "warnings" jsonb not null, "created_by" uuid null, "created_by_email" varchar(254) null, "created_at" timestamptz not null, constraint "grading_assessment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "grading_assessment_record_id_assessed_on_created_at_index" on "grading_assessment" ("record_id", "assessed_on", "created_at");`,
    );

    this.addSql(
      `create table "condition_assessment" ("id" uuid not null, "record_id" uuid not null, "assessed_on" date not null, "assessor" varchar(200) not null, "total_leaves" int null, "observations" jsonb not null, "ph_readings" jsonb not null, "computed_level" varchar(8) not null, "deciding_rule" jsonb null, "reasons" jsonb not null, "final_level" varchar(8) not null, "override_reason" text null, "rule_set_version" int not null, "lowest_ph" numeric(4,2) null, "acidity_band" varchar(24) null, "notes" text null, "created_by" uuid null, "created_by_email" varchar(254) null, "created_at" timestamptz not null, constraint "condition_assessment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "condition_assessment_record_id_assessed_on_created_at_index" on "condition_assessment" ("record_id", "assessed_on", "created_at");`,
    );

    this.addSql(
      `alter table "grading_assessment" add constraint "grading_assessment_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "condition_assessment" add constraint "condition_assessment_record_id_foreign" foreign key ("record_id") references "census_record" ("id") on update cascade on delete cascade;`,
    );
    // Reference data kept as data: the default damage rule set is version 1, and the default triage weights.
    this.addSql(
      `insert into "damage_rule_set" ("version", "definition", "note", "published_at") values (1, '{"version":1,"leavesCountAsArea":true,"typesImplyingLostStrength":["fibre_breakdown"],"areaExcludedTypes":["cover_damage"],"levels":[{"level":"一级","nameZh":"特别严重","nameEn":"critical","areaAbove":60,"phBelow":4,"conditions":[{"code":"ALL_LEAVES_LOST_STRENGTH","damageTypes":["fibre_breakdown","mould","ageing"],"leafShareAtLeast":100,"requiresLostStrength":true,"descriptionZh":"全部书叶失去强度（霉变、老化、絮化）","descriptionEn":"all leaves have lost strength (mould, ageing, fibre breakdown)"},{"code":"FUSED_BLOCK","damageTypes":["fused_block"],"descriptionZh":"书叶粘连成砖（书砖）","descriptionEn":"leaves fused into a block (书砖)"}]},{"level":"二级","nameZh":"严重","nameEn":"severe","areaAbove":50,"areaAtMost":60,"phAtLeast":4,"phBelow":4.5,"conditions":[{"code":"MOST_LEAVES_LOST_STRENGTH","damageTypes":["fibre_breakdown","mould","ageing"],"leafShareAbove":50,"requiresLostStrength":true,"descriptionZh":"大部分（过半）书叶失去强度（霉变、老化、絮化）","descriptionEn":"most (over half) of the leaves have lost strength (mould, ageing, fibre breakdown)"}]},{"level":"三级","nameZh":"重度","nameEn":"heavy","areaAbove":40,"areaAtMost":50,"phAtLeast":4.5,"phBelow":5,"conditions":[{"code":"MOULD_OVER_HALF_LEAVES","damageTypes":["mould"],"leafShareAbove":50,"descriptionZh":"过半书叶因霉变而强度减弱","descriptionEn":"over half the leaves weakened by mould"}]},{"level":"四级","nameZh":"中度","nameEn":"moderate","areaAbove":20,"areaAtMost":40,"phAtLeast":5,"phBelow":5.6,"conditions":[{"code":"SPLIT_FOLD_OR_SPINE","damageTypes":["split_fold_spine"],"descriptionZh":"书口或书脊开裂","descriptionEn":"split fold or spine"},{"code":"HOLES_UNDER_HALF_LEAVES","damageTypes":["insect","rodent","loss"],"leafShareAbove":0,"leafShareBelow":50,"descriptionZh":"不足半数书叶有孔洞（虫蛀、鼠啮、残缺）","descriptionEn":"holes (insect, rodent, loss) in under half the leaves"}]},{"level":"五级","nameZh":"轻度","nameEn":"slight","areaAbove":0,"areaAtMost":20,"conditions":[{"code":"COVERS_ONLY","damageTypes":["cover_damage"],"descriptionZh":"仅书皮、护叶破损","descriptionEn":"only covers and fly-leaves damaged"},{"code":"DAMAGE_OBSERVED","descriptionZh":"有破损记录","descriptionEn":"damage was observed"}]}]}', '默认规则集（grading-condition.md） / default rule set', now()) on conflict do nothing;`,
    );
    this.addSql(
      `insert into "setting" ("key", "value", "updated_at") values ('triage.weights', '{"damageLevel":{"一级":100,"二级":80,"三级":60,"四级":40,"五级":20,"完好":0},"grade":{"一级":50,"二级":35,"三级":20,"四级":10,"未定级":0},"preciousList":30,"acidity":{"severe":40,"heavy":25,"needs_deacidification":10,"ok":0}}', now()) on conflict do nothing;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "setting" where "key" = 'triage.weights';`);
    this.addSql(`drop table if exists "damage_rule_set" cascade;`);

    this.addSql(`drop table if exists "precious_list_entry" cascade;`);

    this.addSql(`drop table if exists "record_triage_state" cascade;`);

    this.addSql(`drop table if exists "grading_assessment" cascade;`);

    this.addSql(`drop table if exists "condition_assessment" cascade;`);
  }
}
