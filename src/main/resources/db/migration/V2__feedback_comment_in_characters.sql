-- A comment is limited to AnswerFeedback.MAX_COMMENT_LENGTH (1,000) characters counted as code points, so an emoji
-- counts once; H2 counts UTF-16 units, in which such a comment can take up to twice as many. Same SQL on both.
alter table feedback alter column comment set data type varchar(2000);
