/**
 * The search API: posts, people, hashtags and trends.
 */
@NullMarked
package io.murmur.search.web;

import org.jspecify.annotations.NullMarked;
