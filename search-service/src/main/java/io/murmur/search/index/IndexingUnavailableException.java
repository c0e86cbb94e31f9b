package io.murmur.search.index;

/**
 * Elasticsearch did not take a write for a reason that passes (it was unreachable, too
 * busy, or a shard was unavailable): the events are retried for as long as it lasts.
 */
public class IndexingUnavailableException extends RuntimeException {

	IndexingUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	IndexingUnavailableException(String message) {
		super(message);
	}

}
