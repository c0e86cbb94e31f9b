/**
 * Posts: publishing with mentions and hashtags, reading one or many, deleting, and
 * rendering them as the API shows them.
 */
@NullMarked
package io.murmur.post.post;

import org.jspecify.annotations.NullMarked;
