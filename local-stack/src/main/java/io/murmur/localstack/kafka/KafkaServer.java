package io.murmur.localstack.kafka;

import java.util.Map;

import io.murmur.localstack.Store;
import io.murmur.localstack.StoreContext;
import io.murmur.localstack.StoreServer;

/**
 * Not implemented yet.
 */
public final class KafkaServer implements StoreServer {

	public static KafkaServer start(StoreContext context) {
		throw new UnsupportedOperationException("kafka is not implemented yet");
	}

	@Override
	public Store store() {
		throw new UnsupportedOperationException();
	}

	@Override
	public String endpoint() {
		throw new UnsupportedOperationException();
	}

	@Override
	public Map<String, String> springProperties() {
		throw new UnsupportedOperationException();
	}

	@Override
	public boolean isHealthy() {
		return false;
	}

	@Override
	public long pid() {
		return -1;
	}

	@Override
	public void close() {
	}

}
