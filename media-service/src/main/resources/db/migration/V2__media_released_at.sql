-- When media last stopped being on a post or an avatar (a claim withdrawn, an avatar
-- replaced): the clean-up's window runs from then, not from the upload, so media that
-- was in use for months is not deleted the moment it is let go, and an avatar a user
-- takes back within the window is still there.
alter table media add column released_at timestamptz;

drop index media_unattached_idx;
create index media_unattached_idx on media ((coalesce(released_at, created_at))) where post_id is null and not avatar;
