/**
 * Media on posts, owned by media-service: claiming a new post's media there before the
 * post is stored, and describing the media of the posts a page shows, with fresh URLs.
 */
@NullMarked
package io.murmur.post.media;

import org.jspecify.annotations.NullMarked;
