package io.murmur.feed.store;

/**
 * What Redis says about a home feed or an author's cache as it is read.
 *
 * @param ready whether it was built (rather than being built)
 * @param trimmed whether older entries than it holds exist in the sources
 */
public record CacheState(boolean ready, boolean trimmed) {

}
