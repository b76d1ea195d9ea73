import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203418_record_list_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "census_record_province_code_index";`);
    this.addSql(`drop index "census_record_year_index";`);

    this.addSql(
      `create index "census_record_province_number_index" on "census_record" ("province_code", "census_number");`,
    );
    this.addSql(
      `create index "census_record_status_dynasty_class_index" on "census_record" ("status", "dynasty", "classification");`,
    );
    this.addSql(
      `create index "census_record_year_to_from_index" on "census_record" ("year_to", "year_from");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "census_record_province_number_index";`);
    this.addSql(`drop index "census_record_status_dynasty_class_index";`);
    this.addSql(`drop index "census_record_year_to_from_index";`);

    this.addSql(`create index "census_record_province_code_index" on "census_record" ("province_code");`);
    this.addSql(`create index "census_record_year_index" on "census_record" ("year_from", "year_to");`);
  }
}
