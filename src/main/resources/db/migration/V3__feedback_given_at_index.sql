-- The review loop lists recent feedback newest first (dev.parley.review.ReviewQueries#feedback).
create index feedback_given_at on feedback (given_at);
