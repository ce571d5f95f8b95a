-- Migration 0009: the search index learns documents (frozen from core/search/schema.py).
-- [triggers]
CREATE OR REPLACE FUNCTION search_refresh_document(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 7::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 7 * 4294967296 + x.id AS k, x.name AS n, coalesce(x.note, '') || ' ' || coalesce((SELECT c.text FROM document_content c WHERE c.document_id = x.id), '') AS b FROM document x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_document_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_document ON document
CREATE TRIGGER search_document AFTER INSERT OR UPDATE OF name, note OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION search_document_trigger()
CREATE OR REPLACE FUNCTION search_document_content_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT NEW.document_id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT OLD.document_id AS i UNION SELECT NEW.document_id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_document(ARRAY(SELECT z.i FROM (SELECT OLD.document_id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_document_content ON document_content
CREATE TRIGGER search_document_content AFTER INSERT OR UPDATE OF text OR DELETE ON document_content FOR EACH ROW EXECUTE FUNCTION search_document_content_trigger()
-- [drop triggers]
DROP TRIGGER IF EXISTS search_document ON document
DROP FUNCTION IF EXISTS search_document_trigger()
DROP TRIGGER IF EXISTS search_document_content ON document_content
DROP FUNCTION IF EXISTS search_document_content_trigger()
DROP FUNCTION IF EXISTS search_refresh_document(integer[])
