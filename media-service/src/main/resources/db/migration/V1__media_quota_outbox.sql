-- One row per media: uploaded through the API or awaiting a presigned upload. The
-- objects in S3 are named after the id; the row says which exist.
create table media (
    id                bigint primary key,
    owner_id          bigint        not null,
    state             varchar(16)   not null,
    format            varchar(8),
    declared_size     bigint,
    upload_expires_at timestamptz,
    upload_size       bigint,
    stored_bytes      bigint        not null default 0,
    width             integer,
    height            integer,
    duration_ms       bigint,
    animated          boolean       not null default false,
    blurhash          varchar(100),
    description       varchar(1500),
    focus_x           real          not null default 0,
    focus_y           real          not null default 0,
    variants          text          not null default '[]',
    failure_reason    varchar(300),
    post_id           bigint,
    avatar            boolean       not null default false,
    attempts          integer       not null default 0,
    lease_until       timestamptz,
    created_at        timestamptz   not null,
    ready_at          timestamptz,
    constraint media_state_check check (state in ('awaiting_upload', 'processing', 'ready', 'failed'))
);

create index media_owner_idx on media (owner_id, created_at);
create index media_post_idx on media (post_id) where post_id is not null;
create index media_processing_idx on media (lease_until) where state = 'processing';
create index media_unattached_idx on media (created_at) where post_id is null and not avatar;

-- Bytes each user uploaded per UTC day, for the quota.
create table upload_quota (
    owner_id bigint not null,
    day      date   not null,
    bytes    bigint not null,
    primary key (owner_id, day)
);

-- The transactional outbox: written in the transaction of the change, deleted once Kafka
-- has acknowledged the event. Relayed in id order.
create table outbox_events (
    id          bigint generated always as identity primary key,
    event_id    uuid         not null,
    event_type  varchar(100) not null,
    topic       varchar(249) not null,
    message_key varchar(100) not null,
    payload     text         not null,
    created_at  timestamptz  not null default now()
);
