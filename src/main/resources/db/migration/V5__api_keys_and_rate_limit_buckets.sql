-- Portable SQL: the same script runs on the embedded H2 and on PostgreSQL.

-- The token buckets of the limits per client, shared by every instance on a PostgreSQL database
-- (dev.parley.system.PostgresBucketStores, bucket4j's PostgreSQL backend): the id is "limit:client", the state is
-- bucket4j's, expires_at (epoch milliseconds) when the bucket is full again and its row may go. With H2 (one
-- instance) the buckets are kept in memory and this table stays empty.
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
