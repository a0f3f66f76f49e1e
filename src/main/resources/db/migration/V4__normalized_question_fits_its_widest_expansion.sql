-- A question is at most UserMessage.MAX_LENGTH (1,000) code points, and normalising it may expand each one up to
-- TextNormalizer.MAX_EXPANSION (18) UTF-16 chars: 1,000 x U+FDFA normalises to 18,000. At 4,000 such an exchange
-- failed to insert though its answer had been given. H2 counts UTF-16 units and PostgreSQL code points, so 18,000
-- holds the widest on both. The question as typed (at most 2,000 UTF-16 units) fits its 4,000 already. Same SQL on both.
alter table exchange alter column normalized_question set data type varchar(18000);
