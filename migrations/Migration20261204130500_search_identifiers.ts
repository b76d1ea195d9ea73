import { Migration } from '@mikro-orm/migrations';

// Census numbers and call numbers become searchable (record lists and the public catalogue). New
// and changed records get them from the application (record-columns.ts, catalogue-entry.rules.ts);
// this brings the stored keys of existing rows level. SQL cannot run OpenCC, so the call number is
// folded here the way it nearly always is (NFKC, lower case, no spaces or punctuation); the next
// save of a record writes its exact key. Clearing the entries counter makes the start-up backfill
// rebuild the catalogue token statistics for the new tokens.
export class Migration20261204130500_search_identifiers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "census_record" set "search_text" =
         lower(normalize("census_number", NFKC))
         || lower(regexp_replace(normalize("call_number", NFKC), '[[:space:]]', '', 'g'))
         || "search_text";`,
    );
    this.addSql(
      `with k as (
         select e.record_id,
           lower(regexp_replace(normalize(e.census_number, NFKC), '[[:punct:][:space:]]', '', 'g')) as cn,
           lower(regexp_replace(normalize(r.call_number, NFKC), '[[:punct:][:space:]]', '', 'g')) as call
         from "catalogue_entry" e join "census_record" r on r.id = e.record_id
       )
       update "catalogue_entry" e set
         "search_key" = e.search_key || '|' || k.cn || case when k.call <> '' then '|' || k.call else '' end,
         "tokens" = array(
           select distinct t from (
             select unnest(e.tokens) as t
             union all select substr(v.x, i, 1) from (values (k.cn), (k.call)) v(x), generate_series(1, length(v.x)) i
             union all select substr(v.x, i, 2) from (values (k.cn), (k.call)) v(x), generate_series(1, length(v.x) - 1) i
           ) s where t <> '')
       from k where k.record_id = e.record_id;`,
    );
    this.addSql(`delete from "catalogue_token" where "token" = '';`);
  }

  override async down(): Promise<void> {
    // The added keys only widen what is found; nothing to undo.
  }
}
