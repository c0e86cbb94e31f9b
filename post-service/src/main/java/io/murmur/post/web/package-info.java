/**
 * What the features' HTTP APIs share: pages, and ids as decimal strings.
 */
@NullMarked
package io.murmur.post.web;

import org.jspecify.annotations.NullMarked;
