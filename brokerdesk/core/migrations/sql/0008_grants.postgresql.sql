-- Migration 0008_grants, postgresql: the SQL it runs, one statement per line.
-- Frozen copy of what brokerdesk/core/search/schema.py generated for the funding_grant entity
-- (code 8) when this migration was written. Never edit: a migration that ran must not change.
-- [upgrade]
CREATE OR REPLACE FUNCTION search_refresh_funding_grant(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 8::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 8 * 4294967296 + x.id AS k, x.title AS n, coalesce(x.owner, '') || ' ' || coalesce(x.notes, '') AS b FROM funding_grant x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_funding_grant_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_funding_grant(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_funding_grant(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_funding_grant(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_funding_grant ON funding_grant
CREATE TRIGGER search_funding_grant AFTER INSERT OR UPDATE OR DELETE ON funding_grant FOR EACH ROW EXECUTE FUNCTION search_funding_grant_trigger()
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 8 * 4294967296 + x.id AS k, x.title AS n, coalesce(x.owner, '') || ' ' || coalesce(x.notes, '') AS b FROM funding_grant x ) r
-- [downgrade]
DROP TRIGGER IF EXISTS search_funding_grant ON funding_grant
DROP FUNCTION IF EXISTS search_funding_grant_trigger()
DROP FUNCTION IF EXISTS search_refresh_funding_grant(integer[])
DELETE FROM search_index WHERE key BETWEEN 30064771072 AND 34359738367
