-- Migration 0002_search_index, postgresql: the SQL it runs, one statement per line.
-- Frozen copy of what brokerdesk/core/search/schema.py generated at commit d70a259
-- (what this migration ran until then). Never edit: a migration that ran must not change.
-- upgrade: schema.create then schema.fill; downgrade: schema.drop
-- [upgrade]
CREATE EXTENSION IF NOT EXISTS pg_trgm
CREATE OR REPLACE FUNCTION brokerdesk_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(replace(replace(replace(replace(replace(replace(replace(replace(translate(coalesce(value, ''), 'àÀáÁâÂãÃäÄåÅçÇèÈéÉêÊëËìÌíÍîÎïÏñÑòÒóÓôÔõÕöÖøØùÙúÚûÛüÜŵŴýÝÿŸŷŶšŠžŽ', 'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuwwyyyyyysszz'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'Æ', 'ae'), 'Œ', 'oe'), '''', ''), '’', ''), '‘', '')) $$
CREATE TABLE IF NOT EXISTS search_index (key bigint PRIMARY KEY, name text NOT NULL, body text NOT NULL)
CREATE INDEX IF NOT EXISTS ix_search_index_name_trgm ON search_index USING gin (name gin_trgm_ops)
CREATE INDEX IF NOT EXISTS ix_search_index_body_trgm ON search_index USING gin (body gin_trgm_ops)
CREATE OR REPLACE FUNCTION search_refresh_library_service(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 1::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 1 * 4294967296 + x.id AS k, x.nice_name || ' | ' || x.name || ' | ' || x.gss_code || coalesce(' | ' || (SELECT string_agg(v.name, ' | ') FROM service_name_variant v WHERE v.service_id = x.id), '') AS n, coalesce(x.region, '') || ' ' || coalesce(x.notes, '') AS b FROM library_service x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_refresh_partner(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 2::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 2 * 4294967296 + x.id AS k, x.name AS n, coalesce(x.website, '') || ' ' || coalesce(x.notes, '') || ' ' || coalesce((SELECT string_agg(t.name, ' ') FROM partner_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.partner_id = x.id), '') AS b FROM partner x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_refresh_programme(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 3::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 3 * 4294967296 + x.id AS k, x.name AS n, coalesce(x.description, '') AS b FROM programme x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_refresh_contact(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 4::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 4 * 4294967296 + x.id AS k, x.full_name AS n, coalesce(x.email, '') || ' ' || coalesce(x.role, '') AS b FROM contact x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_refresh_branch(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 5::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 5 * 4294967296 + x.id AS k, x.name || coalesce(' | ' || x.postcode || ' | ' || replace(x.postcode, ' ', ''), '') AS n, coalesce(x.address, '') AS b FROM branch x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_refresh_interaction(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM search_index WHERE key IN (SELECT 6::bigint * 4294967296 + i FROM unnest(ids) AS i); INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 6 * 4294967296 + x.id AS k, x.subject AS n, coalesce(x.notes, '') AS b FROM interaction x WHERE x.id = ANY(ids)) r; END $$
CREATE OR REPLACE FUNCTION search_library_service_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_library_service ON library_service
CREATE TRIGGER search_library_service AFTER INSERT OR UPDATE OR DELETE ON library_service FOR EACH ROW EXECUTE FUNCTION search_library_service_trigger()
CREATE OR REPLACE FUNCTION search_partner_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_partner ON partner
CREATE TRIGGER search_partner AFTER INSERT OR UPDATE OR DELETE ON partner FOR EACH ROW EXECUTE FUNCTION search_partner_trigger()
CREATE OR REPLACE FUNCTION search_programme_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_programme(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_programme(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_programme(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_programme ON programme
CREATE TRIGGER search_programme AFTER INSERT OR UPDATE OR DELETE ON programme FOR EACH ROW EXECUTE FUNCTION search_programme_trigger()
CREATE OR REPLACE FUNCTION search_contact_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_contact(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_contact(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_contact(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_contact ON contact
CREATE TRIGGER search_contact AFTER INSERT OR UPDATE OR DELETE ON contact FOR EACH ROW EXECUTE FUNCTION search_contact_trigger()
CREATE OR REPLACE FUNCTION search_branch_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_branch(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_branch(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_branch(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_branch ON branch
CREATE TRIGGER search_branch AFTER INSERT OR UPDATE OR DELETE ON branch FOR EACH ROW EXECUTE FUNCTION search_branch_trigger()
CREATE OR REPLACE FUNCTION search_interaction_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_interaction(ARRAY(SELECT z.i FROM (SELECT NEW.id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_interaction(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i UNION SELECT NEW.id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_interaction(ARRAY(SELECT z.i FROM (SELECT OLD.id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_interaction ON interaction
CREATE TRIGGER search_interaction AFTER INSERT OR UPDATE OF subject, notes OR DELETE ON interaction FOR EACH ROW EXECUTE FUNCTION search_interaction_trigger()
CREATE OR REPLACE FUNCTION search_service_name_variant_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT NEW.service_id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT OLD.service_id AS i UNION SELECT NEW.service_id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_library_service(ARRAY(SELECT z.i FROM (SELECT OLD.service_id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_service_name_variant ON service_name_variant
CREATE TRIGGER search_service_name_variant AFTER INSERT OR UPDATE OR DELETE ON service_name_variant FOR EACH ROW EXECUTE FUNCTION search_service_name_variant_trigger()
CREATE OR REPLACE FUNCTION search_partner_tag_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'INSERT' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT NEW.partner_id AS i) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT OLD.partner_id AS i UNION SELECT NEW.partner_id) z WHERE z.i IS NOT NULL)); END IF; IF TG_OP = 'DELETE' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT OLD.partner_id AS i) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_partner_tag ON partner_tag
CREATE TRIGGER search_partner_tag AFTER INSERT OR UPDATE OR DELETE ON partner_tag FOR EACH ROW EXECUTE FUNCTION search_partner_tag_trigger()
CREATE OR REPLACE FUNCTION search_tag_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'UPDATE' THEN PERFORM search_refresh_partner(ARRAY(SELECT z.i FROM (SELECT pt.partner_id AS i FROM partner_tag pt WHERE pt.tag_id = NEW.id) z WHERE z.i IS NOT NULL)); END IF; RETURN NULL; END $$
DROP TRIGGER IF EXISTS search_tag ON tag
CREATE TRIGGER search_tag AFTER UPDATE ON tag FOR EACH ROW EXECUTE FUNCTION search_tag_trigger()
DELETE FROM search_index
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 1 * 4294967296 + x.id AS k, x.nice_name || ' | ' || x.name || ' | ' || x.gss_code || coalesce(' | ' || (SELECT string_agg(v.name, ' | ') FROM service_name_variant v WHERE v.service_id = x.id), '') AS n, coalesce(x.region, '') || ' ' || coalesce(x.notes, '') AS b FROM library_service x ) r
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 2 * 4294967296 + x.id AS k, x.name AS n, coalesce(x.website, '') || ' ' || coalesce(x.notes, '') || ' ' || coalesce((SELECT string_agg(t.name, ' ') FROM partner_tag pt JOIN tag t ON t.id = pt.tag_id WHERE pt.partner_id = x.id), '') AS b FROM partner x ) r
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 3 * 4294967296 + x.id AS k, x.name AS n, coalesce(x.description, '') AS b FROM programme x ) r
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 4 * 4294967296 + x.id AS k, x.full_name AS n, coalesce(x.email, '') || ' ' || coalesce(x.role, '') AS b FROM contact x ) r
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 5 * 4294967296 + x.id AS k, x.name || coalesce(' | ' || x.postcode || ' | ' || replace(x.postcode, ' ', ''), '') AS n, coalesce(x.address, '') AS b FROM branch x ) r
INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), brokerdesk_fold(r.b) FROM (SELECT 6 * 4294967296 + x.id AS k, x.subject AS n, coalesce(x.notes, '') AS b FROM interaction x ) r
-- [downgrade]
DROP TRIGGER IF EXISTS search_library_service ON library_service
DROP FUNCTION IF EXISTS search_library_service_trigger()
DROP TRIGGER IF EXISTS search_partner ON partner
DROP FUNCTION IF EXISTS search_partner_trigger()
DROP TRIGGER IF EXISTS search_programme ON programme
DROP FUNCTION IF EXISTS search_programme_trigger()
DROP TRIGGER IF EXISTS search_contact ON contact
DROP FUNCTION IF EXISTS search_contact_trigger()
DROP TRIGGER IF EXISTS search_branch ON branch
DROP FUNCTION IF EXISTS search_branch_trigger()
DROP TRIGGER IF EXISTS search_interaction ON interaction
DROP FUNCTION IF EXISTS search_interaction_trigger()
DROP TRIGGER IF EXISTS search_service_name_variant ON service_name_variant
DROP FUNCTION IF EXISTS search_service_name_variant_trigger()
DROP TRIGGER IF EXISTS search_partner_tag ON partner_tag
DROP FUNCTION IF EXISTS search_partner_tag_trigger()
DROP TRIGGER IF EXISTS search_tag ON tag
DROP FUNCTION IF EXISTS search_tag_trigger()
DROP FUNCTION IF EXISTS search_refresh_library_service(integer[])
DROP FUNCTION IF EXISTS search_refresh_partner(integer[])
DROP FUNCTION IF EXISTS search_refresh_programme(integer[])
DROP FUNCTION IF EXISTS search_refresh_contact(integer[])
DROP FUNCTION IF EXISTS search_refresh_branch(integer[])
DROP FUNCTION IF EXISTS search_refresh_interaction(integer[])
DROP TABLE IF EXISTS search_index
DROP FUNCTION IF EXISTS brokerdesk_fold(text)
