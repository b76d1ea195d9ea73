import { Migration } from '@mikro-orm/migrations';

export class Migration20261204123928_import_job_cancel_encoding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_job" drop constraint if exists "import_job_status_check";`);

    this.addSql(
      `alter table "import_job" add column "cancel_requested_at" timestamptz null, add column "encoding" varchar(16) null;`,
    );
    this.addSql(
      `alter table "import_job" add constraint "import_job_status_check" check("status" in ('queued', 'running', 'done', 'failed', 'cancelled'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "import_job" drop constraint if exists "import_job_status_check";`);

    this.addSql(`alter table "import_job" drop column "cancel_requested_at", drop column "encoding";`);

    this.addSql(
      `alter table "import_job" add constraint "import_job_status_check" check("status" in ('queued', 'running', 'done', 'failed'));`,
    );
  }
}
