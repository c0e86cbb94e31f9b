package io.murmur.search.config;

import co.elastic.clients.transport.TransportException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.murmur.search.index.IndexingUnavailableException;
import io.murmur.support.events.kafka.TransientFailures;

/**
 * The failures of indexing that pass by themselves: Elasticsearch unreachable or busy.
 * Events failing so are retried for as long as it lasts, never dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class IndexingFailures {

	@Bean
	TransientFailures elasticsearchFailures() {
		return (failure) -> failure instanceof IndexingUnavailableException || failure instanceof TransportException
				|| failure instanceof java.io.IOException;
	}

}
