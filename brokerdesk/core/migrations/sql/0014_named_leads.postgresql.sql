-- Migration 0014_named_leads, postgresql: the SQL it runs, one statement per line.
-- Frozen copy of what brokerdesk/core/search/schema.py generated for the agreement entity
-- (code 9) when this migration was written. Never edit: a migration that ran must not change.
-- [agreement_search]
CREATE OR REPLACE FUNCTION search_refresh_agreement(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 9::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 9 * 4294967296 + x.id AS k, x.title AS n, coalesce(x.owner, '') || ' ' || coalesce(x.notes, '') AS b FROM agreement x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_agreement_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_agreement(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_agreement(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_agreement(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_agreement ON agreement
CREATE TRIGGER search_agreement AFTER INSERT OR UPDATE OR DELETE ON agreement FOR EACH ROW EXECUTE FUNCTION search_agreement_trigger()
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 9 * 4294967296 + x.id AS k, x.title AS n, coalesce(x.owner, '') || ' ' || coalesce(x.notes, '') AS b FROM agreement x ) r
-- [agreement_search_down]
DROP TRIGGER IF EXISTS search_agreement ON agreement
DROP FUNCTION IF EXISTS search_agreement_trigger()
DROP FUNCTION IF EXISTS search_refresh_agreement(integer[])
DELETE FROM search_index WHERE key BETWEEN 38654705664 AND 42949672959
