import { Migration } from '@mikro-orm/migrations';

// Catalogue search at national scale. The walk index lets a census-number walk test entries
// without visiting the table (index-only); the token GIN index gains the facet columns (btree_gin)
// so that filters and tokens are intersected in the index. The GIN change is written by hand: the
// schema diff compares expression indexes by name only.
export class Migration20261123204206_catalogue_walk_facet_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "catalogue_entry_walk_index" on "catalogue_entry" ("census_number") include ("title_key", "search_key", "record_id", "type", "institution_id", "province_code", "document_type", "classification", "dynasty", "year_from", "year_to", "edition_type", "binding", "grade", "damage_grade", "precious");`,
    );

    this.addSql(`create extension if not exists btree_gin;`);
    this.addSql(`drop index "catalogue_entry_tokens_gin";`);
    this.addSql(
      `create index "catalogue_entry_tokens_gin" on "catalogue_entry" using gin ("tokens", "province_code", "institution_id", "document_type", "classification", "dynasty", "edition_type", "binding", "grade", "damage_grade") with (fastupdate = off);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "catalogue_entry_walk_index";`);

    this.addSql(`drop index "catalogue_entry_tokens_gin";`);
    this.addSql(
      `create index "catalogue_entry_tokens_gin" on "catalogue_entry" using gin ("tokens") with (fastupdate = off);`,
    );
  }
}
