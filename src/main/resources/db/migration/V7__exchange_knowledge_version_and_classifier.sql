-- Which knowledge version (knowledge_version.version, a content hash) and which classifier (maxent, encoder or
-- hybrid) replied to each question, so that the review loop can compare versions after a publish or a rollback.
-- No foreign key: an exchange outlives the versions that retention may one day prune, and a test's own model is
-- "unpublished". Null on the exchanges kept before this migration.
alter table exchange add column knowledge_version varchar(64);
alter table exchange add column classifier varchar(16);
