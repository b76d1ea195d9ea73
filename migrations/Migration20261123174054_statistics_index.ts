import { Migration } from '@mikro-orm/migrations';

export class Migration20261123174054_statistics_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "census_record_statistics_index" on "census_record" ("province_code", "institution_id", "status", "tier", "grade", "damage_grade");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "census_record_statistics_index";`);
  }
}
