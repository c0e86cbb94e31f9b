package io.murmur.localstack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes a store away and gives it back, checking what clients see meanwhile: nothing
 * listens on its port, and afterwards it answers on the same one again.
 */
public final class StoreOutage {

	private StoreOutage() {
	}

	/**
	 * Stops the store, checks that it refuses connections and that a second stop does
	 * nothing more, restarts it and checks that it answers on the same port from a new
	 * process. A store left stopped by a failure is restarted, so that the tests after
	 * this one still find it.
	 * @param server a running store
	 * @param port the port its clients connect to
	 */
	public static void stopAndRestart(StoreServer server, int port) {
		ProcessHandle before = ProcessHandle.of(server.pid()).orElseThrow();
		try {
			server.stop();
			assertThat(before.isAlive()).as("%s's process after stop()", server.store().id()).isFalse();
			assertThat(accepts(port)).as("%s accepts connections on %d while stopped", server.store().id(), port)
				.isFalse();
			assertThat(server.isRunning()).isFalse();
			assertThat(server.isHealthy()).isFalse();
			server.stop();
			server.restart();
			assertThat(server.isRunning()).isTrue();
			assertThat(server.isHealthy()).isTrue();
			assertThat(server.pid()).isNotEqualTo(before.pid());
			assertThat(accepts(port)).as("%s accepts connections on %d after restart()", server.store().id(), port)
				.isTrue();
		}
		finally {
			if (!server.isRunning()) {
				server.restart();
			}
		}
	}

	/**
	 * Whether something accepts TCP connections on the port of 127.0.0.1.
	 * @param port the port
	 * @return {@code true} if a connection was accepted
	 */
	public static boolean accepts(int port) {
		return AbstractStoreServer.acceptsConnections(port);
	}

}
