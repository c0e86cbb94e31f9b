-- A group is what a list shows as one item: the likes of one post, the reposts of one post
-- or the follows of one user that arrived within the group window, or any other single
-- notification (a group of one). It carries what its members share and what a page needs
-- without reading them: the count, the latest member and the latest actors.
create table notification_groups (
    id             bigint generated always as identity primary key,
    recipient_id   bigint      not null,
    type           varchar(20) not null,
    group_key      varchar(64),
    post_id        bigint,
    target_post_id bigint,
    opened_at      timestamptz not null,
    latest_id      bigint      not null,
    latest_at      timestamptz not null,
    member_count   integer     not null,
    recent_actors  bigint[]    not null
);

create index notification_groups_page on notification_groups (recipient_id, latest_id desc);
create index notification_groups_by_type on notification_groups (recipient_id, type, latest_id desc);
create index notification_groups_open on notification_groups (recipient_id, group_key, opened_at desc)
    where group_key is not null;
create index notification_groups_age on notification_groups (latest_at);

-- One row per event and recipient. Ids grow with commit order per recipient (writes for a
-- recipient hold a lock on them until they commit), so "every id above the last one seen"
-- is exactly what a client has not seen.
create table notifications (
    id             bigint generated always as identity primary key,
    recipient_id   bigint      not null,
    group_id       bigint      not null references notification_groups (id) on delete cascade,
    type           varchar(20) not null,
    actor_id       bigint,
    post_id        bigint,
    target_post_id bigint,
    occurred_at    timestamptz not null,
    created_at     timestamptz not null
);

create index notifications_page on notifications (recipient_id, id desc);
create index notifications_by_type on notifications (recipient_id, type, id desc);
create index notifications_group on notifications (group_id, id desc);
create index notifications_undo on notifications (recipient_id, type, actor_id, post_id);
create index notifications_post on notifications (post_id) where post_id is not null;

-- Per user: the read marker, which only moves forward, and the count of notifications
-- above it, kept with every write so that reading it never counts rows.
create table inbox_state (
    user_id    bigint  primary key,
    read_up_to bigint  not null default 0,
    unread     integer not null default 0
);

-- Every event handled, so that a redelivered one changes nothing.
create table processed_events (
    event_id     uuid        primary key,
    processed_at timestamptz not null
);

create index processed_events_age on processed_events (processed_at);

-- What a user wants to be notified of; no row means everything, from everyone.
create table notification_preferences (
    user_id         bigint      primary key,
    types           varchar(20)[] not null,
    from_not_followed boolean   not null,
    updated_at      timestamptz not null
);

-- One webhook per user. The secret signs deliveries (HMAC-SHA256), so it is kept as it was
-- issued; it is shown to the user only once.
create table webhooks (
    user_id              bigint        primary key,
    url                  varchar(2048) not null,
    types                varchar(20)[],
    secret               varchar(100)  not null,
    created_at           timestamptz   not null,
    consecutive_failures integer       not null default 0,
    disabled_at          timestamptz
);

-- The durable queue of deliveries. One row per user and group (a single notification is a
-- group of one) at a time: a newer notification of the same group updates the row instead
-- of adding one, and puts off its due time (up to a limit after queued_at), which is how a
-- burst becomes one delivery; notification_id, the newest it carries, tells a sender
-- whether the row changed while it was sending. A replica claims due rows with
-- FOR UPDATE SKIP LOCKED and a lease, so replicas never send the same row at once and a
-- crashed replica's claims expire.
create table webhook_deliveries (
    id              bigint generated always as identity primary key,
    user_id         bigint      not null references webhooks (user_id) on delete cascade,
    group_id        bigint      not null,
    message_id      uuid        not null,
    notification_id bigint      not null,
    attempts        integer     not null default 0,
    queued_at       timestamptz not null,
    due_at          timestamptz not null,
    claimed_until   timestamptz,
    last_error      varchar(500)
);

create unique index webhook_deliveries_key on webhook_deliveries (user_id, group_id);
create index webhook_deliveries_due on webhook_deliveries (due_at);
