import { Migration } from '@mikro-orm/migrations';

export class Migration20261123181245_catalogue_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "catalogue_token" ("token" text not null, "count" int not null, "title_count" int not null, constraint "catalogue_token_pkey" primary key ("token"));`,
    );

    // Existing entries get their title tokens here, computed as indexTokens(title_key) does (every
    // character and adjacent pair within each '|'-separated title); the token counts are rebuilt by
    // the start-up backfill (catalogue-backfill.service.ts).
    this.addSql(`alter table "catalogue_entry" add column "title_tokens" text[] not null default '{}';`);
    this.addSql(`update "catalogue_entry" e set "title_tokens" = coalesce((
        select array_agg(distinct substr(f, i, n))
          from unnest(string_to_array(e.title_key, '|')) f, generate_series(1, char_length(f)) i,
               (values (1), (2)) v(n)
         where i + n - 1 <= char_length(f)), '{}');`);
    this.addSql(`alter table "catalogue_entry" alter column "title_tokens" drop default;`);
    this.addSql(
      `create index "catalogue_entry_title_tokens_gin" on "catalogue_entry" using gin ("title_tokens") with (fastupdate = off);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalogue_token" cascade;`);

    this.addSql(`drop index "catalogue_entry_title_tokens_gin";`);
    this.addSql(`alter table "catalogue_entry" drop column "title_tokens";`);
  }
}
