import { Migration } from '@mikro-orm/migrations';

export class Migration20261204124158_import_report_columns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_row_error" drop constraint if exists "import_row_error_kind_check";`);

    this.addSql(`alter table "import_row_error" add column "column_label" varchar(100) null;`);
    this.addSql(
      `alter table "import_row_error" add constraint "import_row_error_kind_check" check("kind" in ('error', 'conflict', 'warning'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_row_error" drop constraint if exists "import_row_error_kind_check";`);

    this.addSql(`alter table "import_row_error" drop column "column_label";`);

    this.addSql(
      `alter table "import_row_error" add constraint "import_row_error_kind_check" check("kind" in ('error', 'conflict'));`,
    );
  }
}
