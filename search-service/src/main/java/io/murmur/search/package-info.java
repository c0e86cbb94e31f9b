/**
 * search-service: post, people and hashtag search and trends on Elasticsearch, indexed
 * from post, user and graph events.
 */
@NullMarked
package io.murmur.search;

import org.jspecify.annotations.NullMarked;
