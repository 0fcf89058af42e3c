import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Typo-tolerant NGO search (issue 14): the name's words in the normalised form of DOMAIN.md ("Persian text") but
 * keeping word boundaries (ZWNJ becomes a space), with the Arabic plural «ـین» of a long word read as «ـان»
 * («معلولین» = «معلولان»), and a trigram index on it. `name_normalized` drops every space, so trigram word similarity
 * saw one long word and a dropped letter or a left-out word («کودکن کار», «حمایت کودکان») found nothing.
 * The function is the one definition: the index, the list search and `searchNgos` all call it.
 */
export class NgoSearchWords1766950000000 implements MigrationInterface {
  name = "NgoSearchWords1766950000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ngo_search_words(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $fn$
        SELECT btrim(regexp_replace(regexp_replace(
          lower(translate(
            regexp_replace(input, '[\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640\\u200D\\u200E\\u200F\\u00AD\\uFEFF]', '', 'g'),
            'يىكةۀأإٱؤ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩' || chr(8204) || chr(160),
            'ییکههاااو01234567890123456789  ')),
          '([^[:space:]]{4,})ین(?=[[:space:]]|$)', '\\1ان', 'g'),
          '[[:space:]]+', ' ', 'g'))
      $fn$`);
    await q.query(`CREATE INDEX ngo_search_words_trgm ON ngo USING gin (ngo_search_words(name) public.gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ngo_search_words_trgm`);
    await q.query(`DROP FUNCTION ngo_search_words(text)`);
  }
}
